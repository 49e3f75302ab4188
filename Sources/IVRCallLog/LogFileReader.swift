import Foundation

/// Streams log files into a `CallLedger` in fixed-size chunks: plain or gzip'd (told by the
/// gzip magic bytes, not the name), so rotated files of any size read in bounded memory.
struct LogFileReader {
    /// A file that cannot be opened or read: the report stops, naming it.
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    static let chunkBytes = 256 * 1024
    var maxLineBytes = LineSplitter.defaultMaxLineBytes

    func read(_ path: String, into ledger: inout CallLedger) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(path: path, reason: "not a regular file")
        }
        ledger.tally.files += 1
        var splitter = LineSplitter(maxLineBytes: maxLineBytes)
        var inflater: GzipInflater?
        var chunk = [UInt8](repeating: 0, count: Self.chunkBytes)
        var first = true
        var damaged = false
        while !damaged {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            if first, count >= 2, chunk[0] == 0x1f, chunk[1] == 0x8b { inflater = GzipInflater() }
            first = false
            guard let inflater else {
                splitter.feed(Array(chunk[..<count])) { ledger.ingest($0) }
                continue
            }
            let failure = chunk.withUnsafeBytes { bytes in
                inflater.inflate(UnsafeRawBufferPointer(rebasing: bytes[..<count])) { output in
                    splitter.feed(output) { ledger.ingest($0) }
                }
            }
            if failure != nil {
                ledger.tally.gzipCorrupt.append(path)
                damaged = true
            }
        }
        if let inflater, !damaged, !inflater.atMemberBoundary { ledger.tally.gzipEndedEarly.append(path) }
        if let tail = splitter.finish() { ledger.ingest(tail, cutOff: true) }
        ledger.tally.overlongLines += splitter.overlongLines
    }
}
