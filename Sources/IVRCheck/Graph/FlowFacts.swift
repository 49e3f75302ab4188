/// What the checks that span flows read of one flow (`Resolver.join`'s duplicate names, the
/// `duplicate-number` and `dial-cycle` rules): its name, its inbound number, the numbers it
/// dials without waiting for the caller. A build that keeps each file's check from the last
/// build (`IVRBuildCache`) checks these across every flow instead of resolving them all again.
public struct FlowFacts: Sendable, Codable, Equatable {
    public let name: String
    /// In E.164, as `Flow.number`.
    public let number: String?
    /// The number targets of dials reached from the first step along paths that need nothing
    /// from the caller, as `DialCycleRule` follows them.
    public let dials: [String]

    public init(name: String, number: String?, dials: [String]) {
        self.name = name
        self.number = number
        self.dials = dials
    }

    public init(_ flow: Flow) {
        self.init(name: flow.name, number: flow.number, dials: DialCycleRule.unconditionalDials(in: flow).map(\.value))
    }

    /// Whether flows with these facts leave every check across flows with nothing to say: each
    /// name and each number is one flow's, and no flow dials another's number without caller
    /// input (a cycle needs such a dial; one without a cycle is still not independent).
    public static func areIndependent(_ flows: [FlowFacts]) -> Bool {
        var names: Set<String> = []
        var owners: [String: String] = [:]
        for flow in flows {
            guard names.insert(flow.name).inserted else { return false }
            if let number = flow.number {
                guard owners.updateValue(flow.name, forKey: number) == nil else { return false }
            }
        }
        return !flows.contains { flow in flow.dials.contains { owners[$0].map { $0 != flow.name } ?? false } }
    }
}
