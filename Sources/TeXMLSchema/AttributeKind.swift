import Foundation

/// What values an attribute (or an element's text) accepts, read from its XSD simple type.
public enum AttributeKind: Sendable, Equatable {
    /// Whole seconds (types named `…Seconds`), optionally bounded.
    case seconds(ClosedRange<Int>?)
    /// Whole number (types named `…Count`), optionally bounded.
    case integer(ClosedRange<Int>?)
    case boolean
    case enumeration([String])
    /// An XSD regular expression the whole value must match.
    case pattern(String)
    case url
    case text

    /// nil when `value` is acceptable, otherwise a message to append to the attribute's name,
    /// e.g. "must be between 1 and 120 seconds".
    public func validate(_ value: String) -> String? {
        switch self {
        case .seconds(let range):
            return Self.checkInteger(value, range: range, unit: " seconds", noun: "a whole number of seconds")
        case .integer(let range):
            return Self.checkInteger(value, range: range, unit: "", noun: "a whole number")
        case .boolean:
            return value == "true" || value == "false" ? nil : "must be true or false"
        case .enumeration(let values):
            return values.contains(value) ? nil : "must be one of: " + values.joined(separator: ", ")
        case .pattern(let pattern):
            return Self.matches(value, xsdPattern: pattern) ? nil : "has an invalid form (expected to match \(pattern))"
        case .url:
            return Self.matches(value.trimmingCharacters(in: .whitespaces), xsdPattern: #"\S+"#) ? nil : "must be a URL without spaces"
        case .text:
            return nil
        }
    }

    private static func checkInteger(_ value: String, range: ClosedRange<Int>?, unit: String, noun: String) -> String? {
        guard let number = Int(value) else { return "must be \(noun)" }
        guard let range, !range.contains(number) else { return nil }
        if range.upperBound == Int.max { return "must be at least \(range.lowerBound)\(unit)" }
        if range.lowerBound == Int.min { return "must be at most \(range.upperBound)\(unit)" }
        return "must be between \(range.lowerBound) and \(range.upperBound)\(unit)"
    }

    /// XSD patterns are implicitly anchored; the ones in texml.xsd use syntax ICU shares.
    private static func matches(_ value: String, xsdPattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^(?:\(xsdPattern))$") else { return false }
        let range = NSRange(value.startIndex..., in: value)
        return regex.firstMatch(in: value, range: range) != nil
    }
}
