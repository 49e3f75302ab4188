/// Whether a logged value's text is a JSON literal, written bare: `true`, `false`, or a number in
/// JSON's grammar (RFC 8259 §6, `-? int frac? exp?`: `nan`, `inf`, `+1`, `01` and `1.` are not).
enum JSONLiteral {
    static func isNumberOrBoolean(_ text: String) -> Bool {
        if text == "true" || text == "false" { return true }
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
        var bytes = text.utf8.makeIterator()
        var byte = bytes.next()
        if byte == UInt8(ascii: "-") { byte = bytes.next() }
        guard isDigit(byte) else { return false }
        let leadingZero = byte == UInt8(ascii: "0")
        byte = bytes.next()
        if !leadingZero { while isDigit(byte) { byte = bytes.next() } }
        if byte == UInt8(ascii: ".") {
            byte = bytes.next()
            guard isDigit(byte) else { return false }
            while isDigit(byte) { byte = bytes.next() }
        }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            byte = bytes.next()
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = bytes.next() }
            guard isDigit(byte) else { return false }
            while isDigit(byte) { byte = bytes.next() }
        }
        return byte == nil
    }
}
