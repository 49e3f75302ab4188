/// A flat `application/x-www-form-urlencoded` form read straight from its bytes: what
/// Hummingbird's `URLEncodedFormDecoder` accepts for `[String: String]`, without its Codable
/// tree (a third of a request's instructions went there). Pieces without `=` are skipped; keys
/// are percent-decoded, values too after `+` becomes a space, bytes that are not UTF-8 becoming
/// U+FFFD; a key given twice, a nested key (`a[b]`) or a broken `%` escape is malformed.
enum FormFields {
    struct Malformed: Error {}

    static func decode(_ form: [UInt8]) throws(Malformed) -> [String: String] {
        var fields: [String: String] = [:]
        // One allocation for a form's fields: growing from empty rehashed it three times.
        fields.reserveCapacity(form.count(where: { $0 == UInt8(ascii: "&") }) + 1)
        var start = form.startIndex
        while start < form.endIndex {
            let end = form[start...].firstIndex(of: UInt8(ascii: "&")) ?? form.endIndex
            let piece = form[start..<end]
            start = end + 1
            guard let equals = piece.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let key = try decoded(piece[..<equals], plusIsSpace: false)
            // `[` starts a nested key (`a[b]`, `a[]`), which a flat form cannot hold.
            guard !key.utf8.contains(UInt8(ascii: "[")) else { throw Malformed() }
            // A key given twice: told by the one insert, not a lookup before it.
            guard fields.updateValue(try decoded(piece[(equals + 1)...], plusIsSpace: true), forKey: key) == nil
            else { throw Malformed() }
        }
        return fields
    }

    private static func decoded(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) throws(Malformed) -> String {
        // Most fields are plain: their bytes are the text.
        if !bytes.contains(where: { $0 == UInt8(ascii: "%") || ($0 == UInt8(ascii: "+") && plusIsSpace) }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            switch byte {
            case UInt8(ascii: "%"):
                guard index != bytes.endIndex, let high = hexValue(bytes[index]) else { throw Malformed() }
                index = bytes.index(after: index)
                guard index != bytes.endIndex, let low = hexValue(bytes[index]) else { throw Malformed() }
                index = bytes.index(after: index)
                output.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                output.append(UInt8(ascii: " "))
            default:
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
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
