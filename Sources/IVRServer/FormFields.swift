/// A flat `application/x-www-form-urlencoded` form read straight from its bytes: what
/// Hummingbird's `URLEncodedFormDecoder` accepts for `[String: String]`, without its Codable
/// tree (a third of a request's instructions went there). Pieces without `=` are skipped; keys
/// are percent-decoded, values too after `+` becomes a space, bytes that are not UTF-8 becoming
/// U+FFFD; a key given twice, a nested key (`a[b]`) or a broken `%` escape is malformed.
enum FormFields {
    struct Malformed: Error {}

    static func decode(_ form: [UInt8]) throws(Malformed) -> [String: String] {
        try form.withUnsafeBufferPointer { (form) throws(Malformed) -> [String: String] in
            var fields: [String: String] = [:]
            // One allocation for a form's fields: growing from empty rehashed it three times.
            fields.reserveCapacity(form.count(where: { $0 == UInt8(ascii: "&") }) + 1)
            var start = 0
            while start < form.count {
                // One pass over the piece: where its `=` is, and what its key and value need.
                var end = start, equals: Int?, keyEscaped = false, keyNested = false, valueEscaped = false
                while end < form.count, form[end] != UInt8(ascii: "&") {
                    switch form[end] {
                    case UInt8(ascii: "=") where equals == nil: equals = end
                    case UInt8(ascii: "%"): if equals == nil { keyEscaped = true } else { valueEscaped = true }
                    case UInt8(ascii: "+") where equals != nil: valueEscaped = true
                    // `[` starts a nested key (`a[b]`, `a[]`), which a flat form cannot hold.
                    case UInt8(ascii: "[") where equals == nil: keyNested = true
                    default: break
                    }
                    end += 1
                }
                defer { start = end + 1 }
                guard let equals else { continue }
                let key = try text(form[start..<equals], escaped: keyEscaped, plusIsSpace: false)
                guard !keyNested, !keyEscaped || !key.utf8.contains(UInt8(ascii: "[")) else { throw Malformed() }
                // A key given twice: told by the one insert, not a lookup before it.
                guard fields.updateValue(try text(form[(equals + 1)..<end], escaped: valueEscaped, plusIsSpace: true),
                                         forKey: key) == nil else { throw Malformed() }
            }
            return fields
        }
    }

    /// A key's or value's text: most are plain, their bytes the text.
    private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, escaped: Bool, plusIsSpace: Bool) throws(Malformed) -> String {
        guard escaped else { return String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self) }
        // Decoded straight into the string's storage (inline for most values, as `+1555…` is):
        // never longer than the escaped bytes. Bytes that are not UTF-8 become U+FFFD, as
        // `String(decoding:)` makes them.
        var malformed = false
        let text = String(unsafeUninitializedCapacity: bytes.count) { output in
            var (index, count) = (bytes.startIndex, 0)
            while index != bytes.endIndex {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "%"):
                    guard index + 1 < bytes.endIndex, let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else {
                        malformed = true
                        return 0
                    }
                    index += 2
                    output[count] = high << 4 | low
                case UInt8(ascii: "+") where plusIsSpace:
                    output[count] = UInt8(ascii: " ")
                default:
                    output[count] = byte
                }
                count += 1
            }
            return count
        }
        if malformed { throw Malformed() }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
