/// Writes pieces of text one after another into memory already sized for them: a response head
/// is eighteen short pieces, and through an array or a `ByteBuffer` each piece paid a uniqueness
/// and capacity check, more than copying it. The caller sizes the memory (`maxLength`); a write
/// past it is a programming error, caught in debug builds.
struct ByteCursor {
    private let memory: UnsafeMutableRawBufferPointer
    private(set) var written = 0

    init(_ memory: UnsafeMutableRawBufferPointer) {
        self.memory = memory
    }

    mutating func write(_ literal: StaticString) {
        copy(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func write(utf8 text: String) {
        var text = text
        text.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
    }

    mutating func write(_ byte: UInt8) {
        assert(written < memory.count)
        memory[written] = byte
        written += 1
    }

    /// A non-negative number in decimal.
    mutating func write(decimal number: Int) {
        assert(number >= 0)
        var digits = 1, rest = number
        while rest >= 10 {
            digits += 1
            rest /= 10
        }
        assert(written + digits <= memory.count)
        rest = number
        for position in (written..<(written + digits)).reversed() {
            memory[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        written += digits
    }

    private mutating func copy(_ bytes: UnsafeRawBufferPointer) {
        assert(written + bytes.count <= memory.count)
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        (memory.baseAddress! + written).copyMemory(from: source, byteCount: bytes.count)
        written += bytes.count
    }

    /// The most bytes a non-negative `Int` takes in decimal.
    static let maxDecimalLength = 19
}
