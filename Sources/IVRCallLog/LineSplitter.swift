/// Cuts a stream of bytes into lines without ever holding more than `maxLineBytes` of one: a
/// longer line is dropped as it streams past and counted, so one runaway line (a binary file,
/// a log without newlines) cannot grow memory.
public struct LineSplitter {
    /// A request line is under 1 KiB; 64 KiB leaves room for any field a later ivrc adds.
    public static let defaultMaxLineBytes = 64 * 1024

    let maxLineBytes: Int
    private var pending: [UInt8] = []
    private var overlong = false
    private(set) var overlongLines = 0

    init(maxLineBytes: Int = Self.defaultMaxLineBytes) {
        self.maxLineBytes = maxLineBytes
    }

    /// Passes every complete line in `bytes` (without its newline) to `line`.
    mutating func feed(_ bytes: [UInt8], line: (ArraySlice<UInt8>) -> Void) {
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let piece = bytes[start..<newline]
            if !overlong, pending.count + piece.count <= maxLineBytes {
                if pending.isEmpty {
                    line(piece)
                } else {
                    pending += piece
                    line(pending[...])
                }
            } else {
                overlongLines += 1
            }
            pending.removeAll(keepingCapacity: true)
            overlong = false
            start = newline + 1
        }
        let rest = bytes[start...]
        guard !overlong else { return }
        if pending.count + rest.count > maxLineBytes {
            overlong = true
            pending.removeAll(keepingCapacity: false)
        } else {
            pending += rest
        }
    }

    /// What is left after the last newline: a line cut short (the writer stopped mid-line), or
    /// nil when the stream ended on a newline. An overlong tail was already counted as such.
    mutating func finish() -> ArraySlice<UInt8>? {
        defer { pending.removeAll(); overlong = false }
        if overlong { overlongLines += 1; return nil }
        return pending.isEmpty ? nil : pending[...]
    }
}
