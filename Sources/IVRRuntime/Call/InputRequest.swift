/// What a waiting call needs from the caller before it can go on.
public enum InputRequest: Sendable, Hashable {
    /// A `<Gather>`: keys, speech or silence. `route` is the bundle path of its action.
    case gather(GatherRequest, action: String?)
    /// A `<Dial>`: answered, no answer, busy or failed.
    case dial([DialedTarget])
    /// A `<Record>`: the caller may finish with a key, speak, stay silent or hang up; with
    /// nothing scripted the recording simply ends.
    case record
    /// An `<HttpRequest>` with an action: the outside server's answer, given as the fields the
    /// document reads from it (`respond with eta="12"` in a test).
    case httpRequest(url: String, fields: [String])

    /// The verb the call waits at.
    public var verb: String {
        switch self {
        case .gather: "Gather"
        case .dial: "Dial"
        case .record: "Record"
        case .httpRequest: "HttpRequest"
        }
    }

    /// How a mismatching script event is explained.
    var expectation: String {
        switch self {
        case .gather: "keys, speech or silence at a <Gather>"
        case .dial: "a dial outcome (answer, no-answer, busy)"
        case .record: "the end of a <Record>"
        case .httpRequest: "the server's answer to an <HttpRequest> (`respond with NAME=\"VALUE\"`, or `respond failed`)"
        }
    }

    /// A stand-in answer for exploring calls without a server: every field `0`.
    public static func sampleAnswer(fields: [String]) -> CallerEvent {
        .respond(Dictionary(uniqueKeysWithValues: fields.map { ($0, "0") }))
    }
}
