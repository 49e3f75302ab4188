/// E.164 prefixes that bound a number filled from a call value, so a caller cannot make a
/// flow dial premium, satellite or one-ring-scam destinations: `dial {{callback}} allow=+1,+44`,
/// the flow default `dial-prefixes +1 +44`, and the country code written before the value in
/// `dial +1{{callback}}` (the value's digits follow it). The checker reads them, the compiler
/// records them, and the answer to a request refuses a filled number outside them.
public enum DialPrefix {
    /// `+`, a first digit 1–9 (no country code starts with 0), at most E.164's 15 digits.
    public static func isValid(_ prefix: String) -> Bool {
        let digits = prefix.utf8.dropFirst()
        return prefix.hasPrefix("+") && (1...15).contains(digits.count)
            && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } && digits.first != UInt8(ascii: "0")
    }

    /// The prefix written before a placeholder (`+1` of `+1{{callback}}`); nil for a whole
    /// placeholder, a written number or anything else.
    public static func written(in target: String) -> String? {
        guard target.hasPrefix("+"), let open = target.firstIndex(of: "{") else { return nil }
        let prefix = String(target[..<open])
        guard prefix.count > 1, prefix.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
              Placeholder.isPlaceholder(String(target[open...])) else { return nil }
        return prefix
    }

    /// Whether the E.164 `number` starts with one of `prefixes`; every number when there are none.
    public static func allows(_ number: String, within prefixes: [String]) -> Bool {
        prefixes.isEmpty || prefixes.contains { number.hasPrefix($0) }
    }

    /// Whether a number written to start with `written` (`+44{{x}}`) can start with one of
    /// `prefixes` once filled: one starts the other (`+1{{x}}` within `+1-876` can).
    public static func canLead(_ written: String, into prefixes: [String]) -> Bool {
        prefixes.isEmpty || prefixes.contains { written.hasPrefix($0) || $0.hasPrefix(written) }
    }
}
