import IVRLang

/// What a test expects to see in the transcript.
public enum TestExpectation: Sendable, Hashable, CustomStringConvertible {
    /// A `<Say>` whose text contains the substring.
    case say(String)
    /// A `<Dial>` with this target: an E.164 number, a SIP URI, `queue NAME`, `conference NAME`.
    case dial(String)
    /// A recording starts (`<Record>`, or a dial that records).
    case record
    /// A document lowered from this step is fetched.
    case step(String)
    /// The flow ends the call (`<Hangup>`, `<Reject>`, or the end of a document).
    case hangup

    public var description: String {
        switch self {
        case .say(let text): "expect say \"\(text)\""
        case .dial(let target): "expect dial \(target)"
        case .record: "expect record"
        case .step(let name): "expect step \(name)"
        case .hangup: "expect hangup"
        }
    }

    public func matches(_ event: CallEvent) -> Bool {
        switch (self, event) {
        case (.say(let text), .say(let said)): said.contains(text)
        case (.dial(let target), .dial(let targets)):
            targets.contains { Self.normalise($0.description) == Self.normalise(target) }
        case (.record, .record): true
        case (.step(let name), .document(_, let step)): step == name
        case (.hangup, .hangup(let reason)): reason != .caller
        default: false
        }
    }

    /// Phone numbers compare as `+` and digits (`+1-555-…` = `+1555…`); the rest case-insensitively.
    static func normalise(_ target: String) -> String {
        if target.hasPrefix("+") { return PhoneNumberKey.of(target) }
        return target.lowercased()
    }
}
