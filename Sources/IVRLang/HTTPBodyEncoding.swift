/// How a value is written into an http-request's body, decided by the body's declared
/// `Content-Type`, so a value stays one value: JSON-escaped inside a JSON string, or
/// percent-encoded in a form (`x&role=admin` cannot add a parameter). The checker refuses a
/// body whose content type no value can be escaped for, or a JSON placeholder outside a
/// string (`true` or `[…]` would become JSON); the filler escapes by the same reading.
public enum HTTPBodyEncoding: Sendable, Equatable {
    /// `application/json` and `application/*+json`.
    case json
    /// `application/x-www-form-urlencoded`.
    case form

    /// The encoding for a `Content-Type` header's value (parameters such as `; charset=utf-8`
    /// ignored, case-insensitive); nil for a content type a value cannot be escaped for.
    public init?(contentType: String) {
        let media = String(contentType.prefix { $0 != ";" }).trimmingSpaces().lowercased()
        if media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json")) {
            self = .json
        } else if media == "application/x-www-form-urlencoded" {
            self = .form
        } else {
            return nil
        }
    }

    /// The `Content-Type` among `headers` (name case-insensitive), nil without one.
    public static func contentType(in headers: [(name: String, value: String)]) -> String? {
        headers.first { $0.name.trimmingSpaces().lowercased() == "content-type" }?.value
    }

    /// The names of the placeholders of a JSON `body` that do not stand inside a JSON string.
    public static func unquotedPlaceholders(inJSON body: String) -> [String] {
        let bytes = Array(body.utf8)
        // Whether each byte lies inside a string, after its opening quote and before its closing one.
        var quoted = [Bool](repeating: false, count: bytes.count)
        var inString = false, escaping = false
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaping { escaping = false } else if byte == UInt8(ascii: "\\") { escaping = true } else if byte == UInt8(ascii: "\"") { inString = false; continue }
                quoted[index] = true
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            }
        }
        var scanner = Placeholder.Scanner(bytes[...])
        var names: [String] = []
        while let piece = scanner.next() {
            guard case .placeholder(let name, let range, _) = piece else { continue }
            if !(quoted[range.lowerBound] && quoted[range.upperBound - 1]) { names.append(name) }
        }
        return names
    }
}
