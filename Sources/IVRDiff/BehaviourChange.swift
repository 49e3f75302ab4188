/// One difference a caller would notice, in the order a reviewer should read them: recording
/// and disclosure first, then where calls end up, then menus, dials and prompts.
public struct BehaviourChange: Sendable, Hashable, Codable, Comparable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case flow, number, recording, disclosure, branch, reach, keys, dial, prompt
    }

    public let kind: Kind
    public let flow: String
    /// The step (or the caller's choices, for `reach`) the change is about.
    public let at: String
    public let message: String

    public static func < (a: BehaviourChange, b: BehaviourChange) -> Bool {
        let order = Kind.allCases
        let (ka, kb) = (order.firstIndex(of: a.kind) ?? 0, order.firstIndex(of: b.kind) ?? 0)
        return (a.flow, ka, a.at, a.message) < (b.flow, kb, b.at, b.message)
    }
}
