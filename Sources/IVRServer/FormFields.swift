/// A flat `application/x-www-form-urlencoded` form read straight from its bytes: what
/// Hummingbird's `URLEncodedFormDecoder` accepts for `[String: String]`, without its Codable
/// tree (a third of a request's instructions went there). Pieces without `=` are skipped; keys
/// are percent-decoded, values too after `+` becomes a space, bytes that are not UTF-8 becoming
/// U+FFFD; a key given twice, a nested key (`a[b]`) or a broken `%` escape is malformed, and a
/// form whose own bytes are not UTF-8 is that first.
enum FormFields {
    enum Malformed: Error, Equatable {
        case notUTF8
        case notAForm
    }

    static func decode(_ form: [UInt8]) throws(Malformed) -> [String: String] {
        try form.withUnsafeBufferPointer { (form) throws(Malformed) in try decode(form) }
    }

    static func decode(_ form: UnsafeBufferPointer<UInt8>) throws(Malformed) -> [String: String] {
        do throws(Malformed) {
            return try fields(of: form)
        } catch {
            // Bytes that are not UTF-8 are told as such wherever they are, whatever else is wrong.
            throw error == .notAForm && String(validating: form, as: UTF8.self) == nil ? .notUTF8 : error
        }
    }

    private static func fields(of form: UnsafeBufferPointer<UInt8>) throws(Malformed) -> [String: String] {
        // One allocation for a form's fields: growing from empty rehashed it three times.
        // Counted branch-free, which the compiler vectorises: `count(where:)` cost as much as the scan.
        var pieces = 1
        for byte in form { pieces &+= byte == UInt8(ascii: "&") ? 1 : 0 }
        var fields = [String: String](minimumCapacity: pieces)
        try Self.roles.withUnsafeBufferPointer { (roles) throws(Malformed) in
            var start = 0
            while start < form.count {
                // A piece's key runs to its first `=`, its value from there to the next `&`. What
                // each needs is the union of its bytes' roles, one look-up a byte: most mean nothing.
                var end = start, keyRoles = Role(), valueRoles = Role()
                while end < form.count, case let role = roles[Int(form[end])], role.isDisjoint(with: .endsKey) {
                    keyRoles.formUnion(role)
                    end += 1
                }
                let equals = end < form.count && form[end] == UInt8(ascii: "=") ? end : nil
                if equals != nil {
                    end += 1
                    while end < form.count, case let role = roles[Int(form[end])], !role.contains(.separator) {
                        valueRoles.formUnion(role)
                        end += 1
                    }
                }
                defer { start = end + 1 }
                // A piece of ASCII bytes is UTF-8; the rest are checked, skipped pieces too.
                guard !keyRoles.union(valueRoles).contains(.nonASCII)
                    || String(validating: UnsafeBufferPointer(rebasing: form[start..<end]), as: UTF8.self) != nil else {
                    throw .notUTF8
                }
                guard let equals else { continue }
                let keyEscaped = keyRoles.contains(.percent)
                let key = try text(form[start..<equals], escaped: keyEscaped, plusIsSpace: false)
                // `[` starts a nested key (`a[b]`, `a[]`), which a flat form cannot hold.
                guard !keyRoles.contains(.bracket), !keyEscaped || !key.utf8.contains(UInt8(ascii: "[")) else { throw .notAForm }
                let value = try text(form[(equals + 1)..<end], escaped: !valueRoles.isDisjoint(with: [.percent, .plus]), plusIsSpace: true)
                // A key given twice: told by the one insert, not a lookup before it.
                guard fields.updateValue(value, forKey: key) == nil else { throw .notAForm }
            }
        }
        return fields
    }

    /// What a byte means in a form.
    private struct Role: OptionSet {
        let rawValue: UInt8

        static let separator = Role(rawValue: 1), equals = Role(rawValue: 2), percent = Role(rawValue: 4), plus = Role(rawValue: 8),
                   bracket = Role(rawValue: 16), nonASCII = Role(rawValue: 32)
        /// The bytes a key ends at.
        static let endsKey: Role = [.separator, .equals]
    }

    private static let roles: [Role] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "&"): .separator
        case UInt8(ascii: "="): .equals
        case UInt8(ascii: "%"): .percent
        case UInt8(ascii: "+"): .plus
        case UInt8(ascii: "["): .bracket
        case 0x80...: .nonASCII
        default: []
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
        if malformed { throw .notAForm }
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
