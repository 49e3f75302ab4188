extension String {
    /// Whether `{{` is written, found in the UTF-8 bytes: values and module parameters are
    /// filled into every string of every flow on each keystroke of the language server, and
    /// Foundation's `contains` (through CFString) was the largest part of that in a profile.
    var opensPlaceholder: Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte == UInt8(ascii: "{") && previous == byte { return true }
            previous = byte
        }
        return false
    }
}
