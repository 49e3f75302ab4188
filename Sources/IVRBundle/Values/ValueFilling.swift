import Foundation
import IVRLang
import TeXMLSchema

/// Fills `{{NAME}}` in a document's verbs with a call's values, the one function `ivrc serve`
/// and the in-memory runtime (`test`, `simulate`) both answer with.
///
/// - It works on the tree, never on serialised XML: a value goes into a text or attribute as
///   it is and the XML writer escapes it once, so `<&"'>` arrives as the caller said it and
///   `&amp;` never becomes `&amp;amp;`.
/// - Each text is scanned once: a value holding `{{x}}` is inserted as text, never expanded.
/// - In a URL (an XSD `Url`-typed attribute or text, or text written as an http(s) URL, as a
///   `<Play>` URL is) a value is percent-encoded (a whole `.` or `..` too), so it stays
///   one query or path component; `carry` then adds the call's carried values to every URL
///   that leads back into the bundle. In an http-request's `<Body>` it is escaped by the
///   request's `Content-Type` (`HTTPBodyEncoding`): JSON-escaped, or percent-encoded in a form.
/// - A dial or refer target that holds a value is checked before anything is dialled: a gathered value
///   must be digits only, at most the gather's digits (and never more than E.164's 15); `From`
///   and `To` a phone number; no value may stand in a SIP target's host (`foreign-host`: the
///   caller reaches only the host the flow names); a filled number must start with one of the
///   dial's prefixes, when it has any (`not-allowed`: `allow=+1,+44`, `dial-prefixes`); and the
///   target must not be the line's own number (`dial-loopback`, decided at request time). A refused `<Dial>` or `<Refer>` becomes an apology (in the
///   language and voice its route records, `RefusedDialApology`) and, if
///   it has an action, a `<Redirect>` to it: the route then takes the dial's no-answer branch,
///   as it would for a dial that failed. Without an action the call goes on with the next verb.
///   A `<Number>` filled with digits alone (a typed number) gets its `+`.
public struct ValueFilling: Sendable {
    /// Why a dial target was not dialled: names the rule, never the value.
    public enum Refusal: String, Sendable, Equatable {
        case notDigits = "not-digits"
        case tooLong = "too-long"
        case loopback = "dial-loopback"
        /// A filled `<Number>` or `callerId` is not E.164 (`+`, a first digit 1–9, 2 to 15 digits).
        case notE164 = "not-e164"
        /// A value stands in a SIP target's host: only the host written in the flow is reached.
        case foreignHost = "foreign-host"
        /// A filled number starts with none of the dial's prefixes (`allow=`, `dial-prefixes`).
        case notAllowed = "not-allowed"
    }

    /// The most digits a dial target may take from a value (E.164's maximum).
    public static let maxDialDigits = 15

    let vocabulary: TeXMLVocabulary

    public init(vocabulary: TeXMLVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The filled verbs, and the dials refused on the way.
    /// - Parameters:
    ///   - values: what each name stands for (`CallValues.filling(with:)`).
    ///   - limits: the most digits each gathered name may put into a dial target.
    ///   - ownNumber: the line's inbound number (E.164), which no filled target may dial.
    ///   - route: the document's route; a dial's records the language and voice of its apology.
    ///   - dialPrefixes: the prefixes bounding each `<Dial>` of the document, in order
    ///     (`Manifest.dialPrefixes(of:)`); a dial with none (or past the end) is not bounded.
    ///   - carry: rewrites a URL that leads back into the bundle (adds `v=`); others unchanged.
    public func fill(_ verbs: [XMLElement], values: [String: String], limits: [String: Int], ownNumber: String?,
                     route: Route?, dialPrefixes: [[String]] = [],
                     carry: (String) -> String) -> (verbs: [XMLElement], refusals: [Refusal]) {
        let values = values.mapValues(Self.xmlCarriable)
        var refusals: [Refusal] = []
        var filled: [XMLElement] = []
        var dials = dialPrefixes.makeIterator()
        for verb in verbs {
            let prefixes = verb.name == "Dial" ? dials.next() ?? [] : []
            if verb.name == "Dial" || verb.name == "Refer",
               let refusal = dialRefusal(verb, values: values, limits: limits, ownNumber: ownNumber, prefixes: prefixes) {
                refusals.append(refusal)
                filled.append(Self.apology(speaking: route, line: verb.line))
                if let action = verb.attribute("action") {
                    filled.append(XMLElement(name: "Redirect", children: [.text(carry(action))], line: verb.line))
                }
                continue
            }
            let verb = fill(verb, values: values, carry: carry)
            filled.append(verb.name == "Dial" ? Self.internationalNumbers(in: verb) : verb)
        }
        return (filled, refusals)
    }

    /// The refused dial's apology, as the call speaks there; in English when the route names
    /// a language with no built-in text (a bundle `missing-translation` did not build).
    static func apology(speaking route: Route?, line: Int) -> XMLElement {
        let language = route?.language.flatMap { RefusedDialApology.text(in: $0) == nil ? nil : $0 }
        let text = RefusedDialApology.text(in: language) ?? ""
        let attributes = [("language", language), ("voice", route?.voice)].compactMap { name, value in value.map { (name, $0) } }
        return XMLElement(name: "Say", attributes: attributes, children: [.text(text)], line: line)
    }

    /// `value` with every character XML 1.0 cannot carry replaced by U+FFFD.
    static func xmlCarriable(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return value }
        var carriable = String.UnicodeScalarView()
        for scalar in value.unicodeScalars { carriable.append(isXMLCharacter(scalar) ? scalar : "\u{FFFD}") }
        return String(carriable)
    }

    /// XML 1.0's `Char` production (Swift scalars are never surrogates).
    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// A typed number has no `+`; a `<Number>` takes E.164, so digits alone get one.
    private static func internationalNumbers(in dial: XMLElement) -> XMLElement {
        var copy = dial
        copy.children = dial.children.map { child in
            guard case .element(var noun) = child, noun.name == "Number" else { return child }
            let text = noun.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let international = international(text), international != text { noun.children = [.text(international)] }
            return .element(noun)
        }
        return copy
    }

    /// `number` as E.164 (digits alone get their `+`), or nil when it cannot be one.
    static func international(_ number: String) -> String? {
        let digits = number.hasPrefix("+") ? number.dropFirst() : Substring(number)
        guard (2...maxDialDigits).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              digits.first != "0" else { return nil }
        return "+" + digits
    }

    private func fill(_ element: XMLElement, values: [String: String], body: HTTPBodyEncoding = .json,
                      carry: (String) -> String) -> XMLElement {
        let spec = vocabulary.element(named: element.name)
        // An http-request's `<Body>` is escaped by the Content-Type among its `<Headers>`.
        let body = element.name == "Request" ? Self.bodyEncoding(of: element) : body
        var copy = element
        copy.attributes = element.attributes.map { attribute in
            let isURL = spec?.attribute(named: attribute.name)?.kind == .url || Self.isAbsoluteURL(attribute.value)
            let value = Self.substitute(attribute.value, values, percentEncoding: isURL)
            return (attribute.name, isURL ? carry(value) : value)
        }
        copy.children = element.children.map { child in
            switch child {
            case .element(let nested):
                return .element(fill(nested, values: values, body: body, carry: carry))
            case .text(let text):
                // `<Play>` text is a token (a media name or a URL): written as a URL, it is one.
                let isURL = spec?.text == .url || Self.isAbsoluteURL(text)
                let value = element.name == "Body" ? Self.substitute(text, values.mapValues { Self.escaped($0, for: body) }, percentEncoding: false)
                    : Self.substitute(text, values, percentEncoding: isURL)
                return .text(isURL && !value.allSatisfy(\.isWhitespace) ? carry(value.trimmingCharacters(in: .whitespacesAndNewlines)) : value)
            }
        }
        return copy
    }

    /// The first reason the dial's targets cannot be dialled with these values, or nil.
    private func dialRefusal(_ dial: XMLElement, values: [String: String], limits: [String: Int], ownNumber: String?,
                             prefixes: [String]) -> Refusal? {
        let nouns = dial.elements.filter { $0.name == "Number" || $0.name == "Sip" }
        let spelled = dial.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let targets = nouns.map { ($0.name, $0.text) } + (spelled.isEmpty ? [] : [("Number", spelled)])
        for (noun, target) in targets {
            // A name the call has no value for counts too: it would fill as nothing and leave
            // `sip:@host` or an empty `<Number>`, which no schema-valid document holds.
            let names = Self.names(in: target)
            guard !names.isEmpty else { continue }
            if noun == "Sip", !Self.names(in: String(Self.host(of: target))).isEmpty { return .foreignHost }
            for name in names {
                if let refusal = Self.dialable(values[name] ?? "", name: name, limit: limits[name]) { return refusal }
            }
            let filled = Self.substitute(target, values, percentEncoding: false).trimmingCharacters(in: .whitespacesAndNewlines)
            guard noun == "Number" else { continue }
            guard let number = Self.international(filled) else { return .notE164 }
            if !DialPrefix.allows(number, within: prefixes) { return .notAllowed }
            if number == ownNumber { return .loopback }
        }
        // A caller ID is written as it is, so it must already be E.164.
        if let callerId = dial.attribute("callerId"), Self.names(in: callerId).contains(where: { values[$0] != nil }) {
            let filled = Self.substitute(callerId, values, percentEncoding: false)
            if Self.international(filled) != filled { return .notE164 }
        }
        return nil
    }

    /// What follows a SIP URI's last `@` (its host, port and parameters), or all of it without one.
    private static func host(of sip: String) -> Substring {
        sip.lastIndex(of: "@").map { sip[$0...] } ?? Substring(sip)
    }

    /// A gathered value is digits only, within its gather's bound; `From`/`To` a phone number.
    private static func dialable(_ value: String, name: String, limit: Int?) -> Refusal? {
        let isCallField = CallValues.callFields.contains(name)
        let digits = isCallField && value.hasPrefix("+") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .notDigits }
        return digits.count > min(limit ?? maxDialDigits, maxDialDigits) ? .tooLong : nil
    }

    /// Names of the `{{NAME}}` placeholders in `text` (the grammar is `Placeholder`'s).
    public static func names(in text: String) -> [String] {
        Placeholder.names(in: text)
    }

    /// `text` with every `{{NAME}}` replaced by its value, in one pass: a value the call does not
    /// have is nothing, never `{{NAME}}` read out or dialled. Malformed `{{…}}` stays as written.
    public static func substitute(_ text: String, _ values: [String: String], percentEncoding: Bool) -> String {
        Placeholder.substitute(text) { name in
            let value = values[name] ?? ""
            return percentEncoding ? urlComponent(value) : value
        }
    }

    /// A value percent-encoded as one URL component; `.` and `..` too, which would otherwise
    /// be dot-segments a server resolves to another path.
    static func urlComponent(_ value: String) -> String {
        value == "." || value == ".." ? value.replacingOccurrences(of: ".", with: "%2E") : CallValues.percentEncoded(value)
    }

    /// A `<Request>`'s body encoding by its `Content-Type` header; JSON without one (the
    /// checker refuses values in a body that declares none, or another type).
    private static func bodyEncoding(of request: XMLElement) -> HTTPBodyEncoding {
        let headers = request.elements.filter { $0.name == "Headers" }.flatMap(\.elements).map { header in
            (name: header.elements.first { $0.name == "Key" }?.text ?? "", value: header.elements.first { $0.name == "Value" }?.text ?? "")
        }
        return HTTPBodyEncoding.contentType(in: headers).flatMap { HTTPBodyEncoding(contentType: $0) } ?? .json
    }

    /// A value in a body: JSON-escaped (it stands inside a JSON string) or percent-encoded as
    /// one form component.
    static func escaped(_ value: String, for body: HTTPBodyEncoding) -> String {
        switch body {
        case .json: jsonEscaped(value)
        case .form: CallValues.percentEncoded(value)
        }
    }

    /// Inside an http-request's `<Body>` (JSON, the value between quotes): `"`, `\\` and
    /// control characters escaped, so a value cannot end its string.
    static func jsonEscaped(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func isAbsoluteURL(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://")
    }
}
