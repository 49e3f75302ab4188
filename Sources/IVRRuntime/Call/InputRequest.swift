/// What a waiting call needs from the caller before it can go on.
public enum InputRequest: Sendable, Hashable {
    /// A `<Gather>`: keys, speech or silence. `route` is the bundle path of its action.
    case gather(GatherRequest, action: String?)
    /// A `<Dial>`: answered, no answer, busy or failed.
    case dial([DialedTarget])
    /// A `<Record>`: the caller may finish with a key, speak, stay silent or hang up; with
    /// nothing scripted the recording simply ends.
    case record

    /// The verb the call waits at.
    public var verb: String {
        switch self {
        case .gather: "Gather"
        case .dial: "Dial"
        case .record: "Record"
        }
    }

    /// How a mismatching script event is explained.
    var expectation: String {
        switch self {
        case .gather: "keys, speech or silence at a <Gather>"
        case .dial: "a dial outcome (answer, no-answer, busy)"
        case .record: "the end of a <Record>"
        }
    }
}
