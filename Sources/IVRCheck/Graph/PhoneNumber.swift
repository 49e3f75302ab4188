import Foundation

/// Phone-number spellings beyond the lexer's own `+digits`: the user part of a SIP URI and
/// `tel:` URLs, so rules can tell when a target is really a phone number.
public enum PhoneNumber {
    /// `sip:+1-800-555-0157@host;transport=tls` → `18005550157`; nil when the user part is
    /// not a phone number. The leading `+` is dropped: SIP users often omit it.
    public static func digits(ofSIP uri: String) -> String? {
        guard let colon = uri.firstIndex(of: ":") else { return nil }
        let rest = uri[uri.index(after: colon)...]
        guard let at = rest.firstIndex(of: "@") else { return nil }
        let user = String(rest[..<at].prefix { $0 != ";" })
        return digits(user.replacingOccurrences(of: "%2B", with: "+").replacingOccurrences(of: "%2b", with: "+"))
    }

    /// `tel:+18005550157` or `tel://+1-800-555-0157` → `18005550157`.
    public static func digits(ofTel url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("tel:") else { return nil }
        var rest = url.dropFirst(4)
        while rest.first == "/" { rest = rest.dropFirst() }
        return digits(String(rest.prefix { $0 != ";" && $0 != "?" }))
    }

    /// Digits of a written number with `+`, `-`, spaces and dots removed; nil if anything else is left.
    public static func digits(_ written: String) -> String? {
        let kept = written.filter { !"+- .".contains($0) }
        guard !kept.isEmpty, kept.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return kept
    }
}
