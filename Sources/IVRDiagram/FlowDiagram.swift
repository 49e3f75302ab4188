import IVRCheck

/// The flow graph as a diagram: one node per step, one edge per way control moves between
/// steps (merged when several keys lead to the same step). Built from `Flow.exit(of:)`, the
/// same edges the path rules use, so the picture and the checks agree.
public struct FlowDiagram: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        /// `f0_s3`: flow and step index, safe as a DOT and a Mermaid identifier.
        public let id: String
        public let label: String
        public let isEntry: Bool
        public let isEmergency: Bool
        /// The step starts a recording (`record`, `dial record=…`, recording verbs).
        public let records: Bool
        /// The step can end the call (hangup, reject, or running off its end).
        public let endsCall: Bool
    }

    public struct Edge: Sendable, Equatable {
        public let from: String
        public let to: String
        public let label: String
    }

    public struct Cluster: Sendable, Equatable {
        public let id: String
        public let flow: String
        public let nodes: [Node]
        public let edges: [Edge]
    }

    public let clusters: [Cluster]

    public init(_ graph: FlowGraph) {
        clusters = graph.flows.enumerated().map { flowIndex, flow in
            let prefix = "f\(flowIndex)"
            let nodes = flow.steps.indices.map { index in
                let step = flow.steps[index]
                let exit = flow.exit(of: index)
                let reached = step.actions[exit.reached]
                return Node(
                    id: "\(prefix)_s\(index)", label: step.name, isEntry: index == 0, isEmergency: step.isEmergency,
                    records: reached.contains(where: \.isRecording),
                    endsCall: exit.fallsOffEnd || reached.contains(where: Self.endsCall))
            }
            var edges: [Edge] = []
            for index in flow.steps.indices {
                var labels: [Int: [String]] = [:]
                var order: [Int] = []
                for edge in flow.exit(of: index).edges {
                    if labels[edge.target] == nil { order.append(edge.target) }
                    labels[edge.target, default: []].append(edge.label.description)
                }
                edges += order.map {
                    Edge(from: "\(prefix)_s\(index)", to: "\(prefix)_s\($0)", label: labels[$0, default: []].joined(separator: ", "))
                }
            }
            return Cluster(id: prefix, flow: flow.name, nodes: nodes, edges: edges)
        }
    }

    static func endsCall(_ action: Action) -> Bool {
        switch action.kind {
        case .hangup, .reject: true
        default: false
        }
    }
}
