import IVRLang
import TeXMLSchema

/// How values are spelled in `.ivr` source, so the parser reads back exactly the text TeXML had.
enum IVRText {
    /// An option value: a duration for seconds attributes, a bare word or number when it
    /// reads back unchanged, otherwise a quoted string.
    static func optionValue(_ value: String, kind: AttributeKind) -> String {
        if case .seconds = kind, let seconds = Int(value), String(seconds) == value, seconds >= 0 {
            return "\(seconds)s"
        }
        if Parser.isIdentifier(value) && !value.hasSuffix("-") { return value }
        if let number = Int(value), String(number) == value, number >= 0 { return value }
        return StringLiteral.quote(value)
    }

    /// A URL the lexer reads as one URL token (`scheme://…` without spaces or quotes).
    static func isURLToken(_ text: String) -> Bool {
        guard let scheme = text.range(of: "://"), !text[..<scheme.lowerBound].isEmpty,
              text[..<scheme.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return false }
        return !text.contains { $0.isWhitespace || $0 == "\"" || $0 == "#" }
    }

    /// A SIP URI the lexer reads as one token.
    static func isSIPToken(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("sip:") || lower.hasPrefix("sips:")) && !text.contains { $0.isWhitespace || $0 == "\"" || $0 == "#" }
    }

    /// A phone number the lexer reads as one token (`+` then digits and dashes).
    static func isPhoneToken(_ text: String) -> Bool {
        text.hasPrefix("+") && text.count > 1 && text.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
    }

    /// A flow or step name from a file name: `welcome.part2` → `welcome_part2`.
    static func identifier(_ text: String) -> String {
        var name = String(text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") ? Character(scalar) : "_"
        })
        if name.isEmpty || !Parser.isIdentifier(name) { name = "doc_" + name }
        return name
    }
}
