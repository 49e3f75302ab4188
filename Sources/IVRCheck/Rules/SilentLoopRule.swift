import IVRLang

extension DiagnosticID {
    public static let silentLoop = DiagnosticID(
        "silent-loop",
        summary: "no cycle of steps goes round without waiting for the caller",
        explanation: """
            A `goto` compiles to a TeXML `<Redirect>`, and a dial's `-> STEP` to its action URL. \
            When steps send the call round in a circle through those alone, with no menu, gather \
            or recording anywhere in the circle, the call never waits for the caller: it replays \
            the same prompts or rings the same busy lines forever, and Telnyx keeps fetching \
            documents until the call is dropped. A circle that passes through a menu, a gather or \
            a `record` is fine, because the caller is asked each time round (and a menu's own \
            replays are bounded by `tries`). A hold loop that only plays music counts as silent: \
            use `enqueue` to hold callers. Each circle is reported once, at the step that comes \
            first in the file.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                disclose "This call may be recorded."
                ↓dial +1-555-010-0200 timeout=20s -> backup

              step backup
                dial +1-555-010-0201 timeout=20s -> start
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 timeout=20s -> backup

              step backup
                menu timeout=5s
                  say "Nobody is free. Press 1 to try again, or 2 to leave a message."
                  on 1 -> start
                  on 2 -> voicemail
                  on timeout -> voicemail
                  on invalid -> voicemail

              step voicemail
                disclose "This message will be recorded."
                record max=120s beep
            """,
        ])
}

/// No cycle of steps that never waits for the caller: the call would spin until it is dropped.
public struct SilentLoopRule: Rule {
    public init() {}

    public let description = RuleDescription(.silentLoop)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap(check)
    }

    private func check(_ flow: Flow) -> [Diagnostic] {
        let reachable = flow.reachableSteps()
        // Steps that never stop for the caller, with their edges that need no input.
        var silentEdges: [Int: [Edge]] = [:]
        for step in reachable {
            let exit = flow.exit(of: step)
            guard !flow.steps[step].actions[exit.reached].contains(where: \.waitsForCaller) else { continue }
            silentEdges[step] = exit.edges.filter { $0.label == .goto || $0.label == .dialFailed }
        }
        let cycles = Cycles.find(nodes: Array(silentEdges.keys)) { step in
            (silentEdges[step] ?? []).map(\.target).filter { silentEdges[$0] != nil }
        }
        return cycles.map { cycle in
            let hops = cycle.indices.map { position in
                let next = cycle[(position + 1) % cycle.count]
                return (from: cycle[position], edge: silentEdges[cycle[position]]!.first { $0.target == next }!)
            }
            let route = ([flow.steps[cycle[0]].displayName]
                + hops.map { "\($0.edge.label) → \(flow.steps[$0.edge.target].displayName)" }).joined(separator: " → ")
            let notes = hops.dropFirst().map { hop in
                Diagnostic.Note("\(flow.steps[hop.from].displayName) goes on to \(flow.steps[hop.edge.target].displayName) here",
                                at: flow.span(hop.edge.range))
            }
            return finding(
                "these steps go round in a loop without ever waiting for the caller: \(route)",
                at: flow.span(hops[0].edge.range),
                help: "let the caller break the loop: put a menu or gather in it (\"press 1 to try again\"), "
                    + "or end it with voicemail or `hangup`",
                notes: notes)
        }
    }
}
