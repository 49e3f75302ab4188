/// What calls did on a diagram, drawn over it as a heat map (`ivrc report --graph`): how many
/// calls took each edge and how many ended at each step, by node id. Colour and line width
/// grow with the count relative to the busiest edge or step, by integer arithmetic, so the
/// same counts give the same bytes everywhere.
public struct DiagramOverlay: Sendable, Equatable {
    public struct EdgeKey: Sendable, Hashable {
        public let from: String
        public let to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// Calls that moved along each edge.
    public let edgeCalls: [EdgeKey: Int]
    /// Calls whose last step was each node (drop-offs).
    public let endedCalls: [String: Int]
    private let busiest: Int

    public init(edgeCalls: [EdgeKey: Int], endedCalls: [String: Int]) {
        self.edgeCalls = edgeCalls
        self.endedCalls = endedCalls
        busiest = max(edgeCalls.values.max() ?? 0, endedCalls.values.max() ?? 0)
    }

    func calls(_ edge: FlowDiagram.Edge) -> Int { edgeCalls[EdgeKey(from: edge.from, to: edge.to)] ?? 0 }

    func ended(_ node: FlowDiagram.Node) -> Int { endedCalls[node.id] ?? 0 }

    /// `12 calls`, `1 call`.
    public static func calls(_ count: Int) -> String { "\(count) \(count == 1 ? "call" : "calls")" }

    /// From a pale grey (no call) to a deep red (the busiest), as `#rrggbb`.
    func colour(_ count: Int) -> String {
        let cold: [Int] = [0xb0, 0xb0, 0xb0], hot: [Int] = [0xc0, 0x1f, 0x1f]
        let channels = zip(cold, hot).map { low, high in low + (high - low) * min(count, busiest) / max(busiest, 1) }
        return "#" + channels.map { channel in
            let text = String(channel, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }

    /// From 1 (no call) to 6 (the busiest), one decimal: `3.5`.
    func width(_ count: Int) -> String {
        let tenths = 10 + 50 * min(count, busiest) / max(busiest, 1)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
