/// Something wrong with one call path through the compiled bundle.
public struct PathProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The call ends by running out of verbs before any dial was answered.
        case hangsUpWithoutHuman = "hangs up without reaching a person"
        /// A document comes round again without the call having waited for the caller
        /// (`Action.callerWaitVerbs`), as `silent-loop` means it.
        case silentLoop = "loops without waiting for the caller"
        /// The call runs past the simulator's step limit without a document repeating.
        case tooLongToFollow = "runs longer than a call is followed"
        /// A recording starts before anything said the call is recorded.
        case recordsBeforeDisclosure = "records before the recording disclosure"
        /// The bundle itself is broken on this path (missing document or route).
        case brokenBundle = "reaches a broken part of the bundle"
    }

    public let kind: Kind
    /// The caller's choices from the entry, in order.
    public let path: [CallerEvent]
    /// The document where the problem shows.
    public let document: String
    public let detail: String

    public var description: String {
        let route = path.isEmpty ? "(no input)" : path.map(\.description).joined(separator: ", ")
        return "\(kind.rawValue): \(route) → \(document): \(detail)"
    }
}
