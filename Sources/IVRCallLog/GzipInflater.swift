import CZlib

/// zlib's streaming inflate over a gzip file read in chunks: rotated logs (`logrotate
/// compress`) and concatenated gzip members (`cat a.gz b.gz`) both read back as one stream.
/// Output is handed on per chunk, so memory stays bounded whatever the file's size.
final class GzipInflater {
    enum Failure: Equatable {
        /// The stream is not gzip, or its data is damaged (zlib's message).
        case corrupt(String)
    }

    private var stream = z_stream()
    private var output = [UInt8](repeating: 0, count: 64 * 1024)
    /// Between two members, or before the first: an end of input here is a clean end.
    private(set) var atMemberBoundary = true
    private var open = false

    init() {
        // 15 + 16: a gzip header and trailer only, with the largest window.
        open = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit { if open { inflateEnd(&stream) } }

    /// Inflates `input`, passing each piece of output to `sink`; nil, or the failure that stops the file.
    func inflate(_ input: UnsafeRawBufferPointer, into sink: ([UInt8]) -> Void) -> Failure? {
        guard open else { return .corrupt("zlib could not start") }
        guard let base = input.baseAddress, !input.isEmpty else { return nil }
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(input.count)
        // Until the input is used up and zlib had room to spare (a full buffer may leave output pending).
        var filled = true
        while stream.avail_in > 0 || filled {
            let (status, produced) = output.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.avail_out))
            }
            filled = produced == output.count
            if produced > 0 { sink(Array(output[..<produced])) }
            switch status {
            case Z_OK:
                atMemberBoundary = false
            case Z_BUF_ERROR:
                // No progress possible: everything given is used.
                return nil
            case Z_STREAM_END:
                // Another member may follow in the same file.
                atMemberBoundary = true
                inflateReset(&stream)
            default:
                return .corrupt(stream.msg.map { String(cString: $0) } ?? "zlib error \(status)")
            }
        }
        return nil
    }
}
