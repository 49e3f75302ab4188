import IVRLang

extension DiagnosticID {
    public static let unreachableStep = DiagnosticID(
        "unreachable-step", .warning,
        summary: "every step can be reached from the first step",
        explanation: """
            A step that no menu branch, goto or `-> STEP` leads to never runs, so a caller can \
            never hear it. Usually a branch was renamed or removed and the step was left behind, \
            or a branch points at a similarly named step by mistake. Calls start at the first \
            step of the flow; every other step needs a way in. Either add one (`on 4 -> billing`, \
            `goto billing`) or delete the step.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200

              step ↓billing
                dial +1-555-010-0300
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> billing

              step billing
                dial +1-555-010-0300
            """,
        ])
}

/// Every named step can be reached from the entry.
public struct UnreachableStepRule: Rule {
    public init() {}

    public let description = RuleDescription(.unreachableStep)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap { flow in
            let reachable = Set(flow.reachableSteps())
            return flow.steps.indices.filter { !reachable.contains($0) && !flow.steps[$0].isAnonymous }.map { index in
                let step = flow.steps[index]
                return finding("step `\(step.name)` is never reached", at: flow.span(step.range),
                               help: "nothing leads here from `\(flow.steps[0].name)`; add a branch or `goto \(step.name)`, or delete the step")
            }
        }
    }
}
