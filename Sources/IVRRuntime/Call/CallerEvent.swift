/// Something the caller (or the far end of a dial) does when the call asks for it. Test
/// blocks, `--script` files and `--press` are all lists of these.
public enum CallerEvent: Sendable, Hashable, CustomStringConvertible {
    /// DTMF keys, e.g. `"9"`, `"12#"`.
    case press(String)
    case speak(String)
    /// The caller says nothing until the gather times out.
    case silence
    /// Dial outcomes.
    case answer
    case noAnswer
    case busy
    case failed
    case hangUp
    /// The answer of the server an `<HttpRequest>` asked: its fields by name.
    case respond([String: String])
    /// The `<HttpRequest>` failed (unreachable, timed out, an error): Telnyx does not call its
    /// action and the document goes on with its next verb.
    case lookupFailed

    public var description: String {
        switch self {
        case .press(let keys): "press \(keys)"
        case .speak(let phrase): "speak \"\(phrase)\""
        case .silence: "silence"
        case .answer: "answer"
        case .noAnswer: "no-answer"
        case .busy: "busy"
        case .failed: "failed"
        case .hangUp: "hang-up"
        case .respond(let fields):
            (["respond with"] + fields.keys.sorted().map { "\($0)=\"\(fields[$0] ?? "")\"" }).joined(separator: " ")
        case .lookupFailed: "respond failed"
        }
    }

    /// Events written without an argument, by keyword.
    public static let bareKeywords: [String: CallerEvent] = [
        "silence": .silence, "answer": .answer, "no-answer": .noAnswer, "busy": .busy,
        "failed": .failed, "hang-up": .hangUp,
    ]

    /// Every keyword an event can start with, for "did you mean".
    public static let keywords = ["press", "speak"] + bareKeywords.keys.sorted()

    /// Keys a phone keypad can send (`w` is not a key, so it is not accepted).
    public static func isDTMF(_ keys: String) -> Bool {
        !keys.isEmpty && keys.allSatisfy { "0123456789*#".contains($0) }
    }

    /// True for the outcomes that answer a `<Dial>`.
    public var isDialOutcome: Bool {
        switch self {
        case .answer, .noAnswer, .busy, .failed: true
        default: false
        }
    }
}
