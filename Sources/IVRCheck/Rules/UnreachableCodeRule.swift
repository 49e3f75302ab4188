import IVRLang

extension DiagnosticID {
    public static let unreachableCode = DiagnosticID(
        "unreachable-code", .warning,
        summary: "no statement follows one that ends the step",
        explanation: """
            A menu, `goto`, `redirect`, `hangup` and `reject` end a step: the call goes to a branch, \
            another step or another document, or it ends. So do a `gather`, `record` or `dial` \
            with `-> STEP`, because the call continues at that step. Anything written after them \
            in the same step never runs. Move it before the statement that ends the step, into the \
            step the call goes to, or delete it.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> closed
                ↓say "Goodbye."

              step closed
                say "We are closed."
                hangup
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> closed

              step closed
                say "We are closed."
                hangup
            """,
        ])
}

/// Nothing is written after the statement that ends a step's straight-line code.
public struct UnreachableCodeRule: Rule {
    public init() {}

    public let description = RuleDescription(.unreachableCode)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap { flow in
            flow.steps.indices.compactMap { index -> Diagnostic? in
                let actions = flow.steps[index].actions
                let end = flow.exit(of: index).reached.upperBound
                guard end < actions.count, end > 0 else { return nil }
                let ender = actions[end - 1]
                return finding(
                    "this `\(actions[end].keyword)` never runs: \(why(ender, in: flow))",
                    at: flow.span(actions[end].range),
                    help: "move it before `\(ender.keyword)`, into the step the call goes to, or delete it",
                    notes: [.init("the step ends here", at: flow.span(ender.range))])
            }
        }
    }

    /// Why the call never comes back after `ender`.
    private func why(_ ender: Action, in flow: Flow) -> String {
        func name(_ step: Int) -> String { flow.steps[step].displayName }
        switch ender.kind {
        case .menu: return "the menu before it always sends the call to one of its branches"
        case .goto(let step): return "`goto` before it moves the call to \(name(step))"
        case .redirect: return "`redirect` before it hands the call to another document"
        case .hangup, .reject: return "the call has ended at `\(ender.keyword)` before it"
        case .gather(let gather): return gather.next.map { "after `gather`, the call continues at \(name($0))" } ?? "the step ends before it"
        case .httpRequest(let request): return request.next.map { "after `http-request`, the call continues at \(name($0))" } ?? "the step ends before it"
        case .record(_, let next?), .dial(_, _, let next?): return "after `\(ender.keyword)`, the call continues at \(name(next))"
        default: return "the step ends before it"
        }
    }
}
