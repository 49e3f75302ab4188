/// One input file, held as UTF-8 bytes, with the offsets of its line starts so
/// byte offsets can be turned into the line/column pairs that diagnostics print.
public struct SourceFile: Sendable {
    /// The path as the user gave it; diagnostics print it verbatim.
    public let path: String
    /// The file's bytes, without a leading byte-order mark.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of every line (always starts with 0).
    public let lineStarts: [Int]
    /// UTF-8 continuation bytes before every multiple of `checkpointStride`, so a column is
    /// found in constant time however long the line (thousands of diagnostics on one
    /// megabyte-long line must not each rescan it).
    private let continuationBytesBefore: [Int]
    private static let checkpointStride = 64

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        self.bytes = bytes.starts(with: bom) ? Array(bytes.dropFirst(3)) : bytes
        var starts = [0]
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(self.bytes.count / Self.checkpointStride + 1)
        var continuations = 0
        for (offset, byte) in self.bytes.enumerated() {
            if offset % Self.checkpointStride == 0 { checkpoints.append(continuations) }
            if byte & 0xC0 == 0x80 { continuations += 1 }
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        checkpoints.append(continuations)
        self.lineStarts = starts
        self.continuationBytesBefore = checkpoints
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The 1-based line holding `offset`.
    public func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and column (1-based; the column counts Unicode scalars, not bytes).
    public func position(of offset: Int) -> SourcePosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(of: clamped)
        let start = lineStarts[line - 1]
        // Scalars are the bytes that are not UTF-8 continuation bytes.
        let column = 1 + (clamped - start) - (continuationBytes(before: clamped) - continuationBytes(before: start))
        return SourcePosition(line: line, column: column, offset: clamped)
    }

    private func continuationBytes(before offset: Int) -> Int {
        // There is a checkpoint for every stride start up to and including `bytes.count`.
        let checkpoint = offset / Self.checkpointStride
        var count = continuationBytesBefore[checkpoint]
        for index in (checkpoint * Self.checkpointStride)..<offset where bytes[index] & 0xC0 == 0x80 {
            count += 1
        }
        return count
    }

    /// The text of a 1-based line without its line ending (invalid UTF-8 repaired).
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    /// The bytes of a 1-based line without its line ending (empty for a line that does not exist).
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return 0..<0 }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The source text of a range, as written (empty for a range outside the file).
    public func text(_ range: SourceRange) -> String {
        let start = min(max(0, range.start), bytes.count)
        return String(decoding: bytes[start..<max(start, min(bytes.count, range.end))], as: UTF8.self)
    }

    /// A span over the byte range `start..<end` of this file.
    public func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(file: path, start: position(of: start), end: position(of: max(start, end)))
    }
}
