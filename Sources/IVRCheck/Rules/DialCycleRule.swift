import IVRLang

extension DiagnosticID {
    public static let dialCycle = DiagnosticID(
        "dial-cycle",
        summary: "flows do not dial each other's inbound numbers in a cycle",
        explanation: """
            When flow A dials flow B's number as soon as it answers, and B dials A's, a call \
            bounces between the two lines forever, each leg ringing the next, until the carrier \
            gives up. This rule looks at every flow compiled together and follows each one from \
            its first step along the paths that need nothing from the caller (gotos, menu \
            timeouts, dial fallbacks, straight-line code) to the dials it makes. A dial to another \
            flow's `number` is an edge; a cycle of edges is reported once, at a dial in the flow \
            whose name sorts first, with notes at the other dials. Break the cycle with a menu in \
            front of one dial, or dial a person's direct line instead of the other flow's main number.
            """,
        reported: [
            """
            flow north
              number +1-212-555-0100

              step start
                dial ↓+1-212-555-0200

            flow south
              number +1-212-555-0200

              step start
                dial +1-212-555-0100
            """,
        ],
        notReported: [
            """
            flow north
              number +1-212-555-0100

              step start
                dial +1-212-555-0200

            flow south
              number +1-212-555-0200

              step start
                menu timeout=5s
                  say "To reach the north office, press 1."
                  on 1 -> north
                  on timeout -> desk
                  on invalid -> desk

              step north
                dial +1-212-555-0100

              step desk
                dial +1-212-555-0222
            """,
        ])
}

/// Across all flows compiled together: no flow dials another flow's inbound number without
/// caller input in a ring that comes back to itself (A → B → A).
public struct DialCycleRule: Rule {
    public init() {}

    public let description = RuleDescription(.dialCycle)
    public let spansFlows = true

    /// A dial that flow `from` makes without caller input to flow `to`'s number.
    private struct Link {
        let from: Int
        let to: Int
        let target: DialTarget
    }

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        let flows = graph.flows
        // Flows in name order, so cycles start at (and are reported in) the first flow.
        let order = flows.indices.sorted { (flows[$0].name, $0) < (flows[$1].name, $1) }
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var answering: [String: [Int]] = [:]
        for (index, flow) in flows.enumerated() {
            if let number = flow.number { answering[number, default: []].append(index) }
        }
        var links: [Int: [Int: Link]] = [:]
        for (index, flow) in flows.enumerated() {
            for target in Self.unconditionalDials(in: flow) {
                for callee in answering[target.value] ?? [] where callee != index && links[index]?[callee] == nil {
                    links[index, default: [:]][callee] = Link(from: index, to: callee, target: target)
                }
            }
        }
        let cycles = Cycles.find(nodes: Array(order.indices)) { node in
            (links[order[node]] ?? [:]).keys.map { rank[$0]! }
        }
        return cycles.map { cycle in
            let members = cycle.map { order[$0] }
            let hops = members.indices.map { links[members[$0]]![members[($0 + 1) % members.count]]! }
            let names = (members + [members[0]]).map { "`\(flows[$0].name)`" }.joined(separator: " → ")
            let first = hops[0]
            let notes = hops.dropFirst().map { hop in
                Diagnostic.Note("`\(flows[hop.from].name)` dials `\(flows[hop.to].name)` (\(hop.target.value)) here",
                                at: flows[hop.from].span(hop.target.range))
            }
            return finding(
                "these flows dial each other's inbound numbers in a ring, without waiting for the caller: \(names)",
                at: flows[first.from].span(first.target.range),
                help: "a call would ring from line to line forever; put a menu in front of one of these dials, "
                    + "or dial a person's direct line instead of another flow's inbound number",
                notes: notes)
        }
    }

    /// Number targets of dials reached from the entry along edges that need no caller input.
    static func unconditionalDials(in flow: Flow) -> [DialTarget] {
        guard !flow.steps.isEmpty else { return [] }
        var seen: Set<Int> = [0]
        var queue = [0]
        var targets: [DialTarget] = []
        var cursor = 0
        while cursor < queue.count {
            let step = queue[cursor]
            cursor += 1
            let exit = flow.exit(of: step)
            for index in exit.reached {
                if case .dial(let dialled, _, _) = flow.steps[step].actions[index].kind {
                    targets += dialled.filter { $0.kind == .number }
                }
            }
            for edge in exit.edges where !edge.label.afterCallerInput && seen.insert(edge.target).inserted {
                queue.append(edge.target)
            }
        }
        return targets
    }
}
