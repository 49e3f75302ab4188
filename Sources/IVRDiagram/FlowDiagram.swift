import IVRCheck

/// The flow graph as a diagram: one node per step, one edge per way control moves between
/// steps (merged when several keys lead to the same step). Built from `Flow.exit(of:)`, the
/// same edges the path rules use, so the picture and the checks agree. Links between flows
/// show where calls meet: a queue one flow fills and another dials, a shared conference, a
/// dial to another flow's number.
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
        /// The step plays the recording disclosure.
        public let discloses: Bool
        /// Who the step dials: numbers, SIP URIs, `queue NAME`, `conference NAME`.
        public let dials: [String]
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
    /// Edges between steps of different flows (or of one flow, through a queue or conference).
    public let links: [Edge]

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
                    endsCall: exit.fallsOffEnd || reached.contains(where: Self.endsCall),
                    discloses: reached.contains(where: \.discloses),
                    dials: reached.flatMap(Self.dialled))
            }
            var edges: [Edge] = []
            for index in flow.steps.indices {
                var labels: [Int: [String]] = [:]
                var order: [Int] = []
                for edge in flow.exit(of: index).edges {
                    if labels[edge.target] == nil { order.append(edge.target) }
                    // A branch that chooses the call's language says so: `press 2, es-MX`.
                    labels[edge.target, default: []].append(([edge.label.description] + (edge.language.map { [$0] } ?? [])).joined(separator: ", "))
                }
                edges += order.map {
                    Edge(from: "\(prefix)_s\(index)", to: "\(prefix)_s\($0)", label: labels[$0, default: []].joined(separator: ", "))
                }
            }
            return Cluster(id: prefix, flow: flow.name, nodes: nodes, edges: edges)
        }
        links = Self.links(graph)
    }

    private static func dialled(_ action: Action) -> [String] {
        guard case .dial(let targets, _, _) = action.kind else { return [] }
        return targets.map { target in
            switch target.kind {
            case .number, .sip: target.value
            case .queue, .conference: "\(target.kind.rawValue) \(target.value)"
            }
        }
    }

    /// Where calls of one flow meet another: the step that enqueues to the steps that dial
    /// that queue, every step joining a conference to the first that does, a dial to the
    /// entry of the flow answering that number.
    private static func links(_ graph: FlowGraph) -> [Edge] {
        var enqueues: [String: [String]] = [:], queueDials: [String: [String]] = [:], conferences: [String: [String]] = [:]
        var conferenceOrder: [String] = []
        var numberDials: [(from: String, number: String)] = []
        var entries: [String: String] = [:]
        for (flowIndex, flow) in graph.flows.enumerated() {
            if let number = flow.number { entries[number] = "f\(flowIndex)_s0" }
            for index in flow.steps.indices {
                let node = "f\(flowIndex)_s\(index)"
                for action in flow.steps[index].actions[flow.exit(of: index).reached] {
                    switch action.kind {
                    case .enqueue(let enqueue):
                        enqueues[enqueue.queue, default: []].append(node)
                    case .dial(let targets, _, _):
                        for target in targets {
                            switch target.kind {
                            case .queue: queueDials[target.value, default: []].append(node)
                            case .conference:
                                if conferences[target.value] == nil { conferenceOrder.append(target.value) }
                                conferences[target.value, default: []].append(node)
                            case .number: numberDials.append((node, target.value))
                            case .sip: break
                            }
                        }
                    default:
                        break
                    }
                }
            }
        }
        var links: [Edge] = []
        for queue in enqueues.keys.sorted() {
            for from in enqueues[queue] ?? [] {
                links += (queueDials[queue] ?? []).map { Edge(from: from, to: $0, label: "queue \(queue)") }
            }
        }
        for conference in conferenceOrder {
            let members = conferences[conference] ?? []
            links += members.dropFirst().map { Edge(from: $0, to: members[0], label: "conference \(conference)") }
        }
        links += numberDials.compactMap { dial in
            entries[dial.number].map { Edge(from: dial.from, to: $0, label: "dials \(dial.number)") }
        }
        return links
    }

    static func endsCall(_ action: Action) -> Bool {
        switch action.kind {
        case .hangup, .reject: true
        default: false
        }
    }
}
