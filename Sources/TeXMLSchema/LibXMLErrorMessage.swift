import CLibXML2
import Foundation

/// Turns a libxml2 `xmlError` message into one line without schema-parser jargon.
enum LibXMLErrorMessage {
    static func clean(_ error: UnsafePointer<xmlError>) -> String {
        guard let raw = error.pointee.message else { return "unknown XML error" }
        return clean(String(cString: raw))
    }

    /// Plain string searches rather than regular expressions: hostile documents make libxml2
    /// report thousands of errors, and a Foundation regex search costs far more than the parse.
    static func clean(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)[...]
        // "[facet 'maxInclusive'] The value…" reads better without the facet tag.
        if let open = text.range(of: "[facet '"), let close = text[open.upperBound...].range(of: "'] "),
           text[open.upperBound..<close.lowerBound].allSatisfy({ $0.isASCII && $0.isLetter }) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        // The element is reported separately; drop libxml2's "Element 'X': " / "Element 'X', " lead-in.
        if text.hasPrefix("Element '"), let quote = text.dropFirst("Element '".count).firstIndex(of: "'") {
            let rest = text[text.index(after: quote)...]
            if rest.hasPrefix(", ") || rest.hasPrefix(": ") { text = rest.dropFirst(2) }
        }
        return String(text)
    }
}
