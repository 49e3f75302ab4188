import CLibXML2
import Foundation

/// Turns a libxml2 `xmlError` message into one line without schema-parser jargon.
enum LibXMLErrorMessage {
    static func clean(_ error: UnsafePointer<xmlError>) -> String {
        guard let raw = error.pointee.message else { return "unknown XML error" }
        return clean(String(cString: raw))
    }

    static func clean(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        // "[facet 'maxInclusive'] The value…" reads better without the facet tag.
        if let range = text.range(of: #"\[facet '[A-Za-z]+'\] "#, options: .regularExpression) {
            text.removeSubrange(range)
        }
        // The element is reported separately; drop libxml2's "Element 'X': " / "Element 'X', " lead-in.
        if let range = text.range(of: #"^Element '[^']+'(, |: )"#, options: .regularExpression) {
            text.removeSubrange(range)
        }
        return text
    }
}
