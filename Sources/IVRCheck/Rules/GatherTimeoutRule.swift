import IVRLang

extension DiagnosticID {
    public static let gatherTimeout = DiagnosticID(
        "gather-timeout", .warning,
        summary: "every `gather` says where a caller who enters nothing goes (`on timeout`)",
        explanation: """
            A `<Gather>` that gets no input falls through to the next verb. Without `on timeout` \
            ivrc sends the call on to the gather's `-> STEP` with nothing collected, so that step \
            runs as if the caller had answered: it reads an empty value, or dials nobody. Say \
            where a silent caller goes with `on timeout -> STEP` (or an indented block) inside \
            the gather: usually a person, or the gather's own step to ask again.
            """,
        reported: [
            """
            flow extensions
              number +1-800-555-0157

              step start
                ↓gather ext num-digits=3 -> connect
                  say "Enter the extension."

              step connect
                say "Connecting."
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow extensions
              number +1-800-555-0157

              step start
                gather ext num-digits=3 -> connect
                  say "Enter the extension."
                  on timeout -> operator

              step connect
                dial sip:{{ext}}@pbx.example.com

              step operator
                dial +1-555-010-0200
            """,
        ])
}

/// Every `gather` says where a caller who enters nothing goes.
public struct GatherTimeoutRule: Rule {
    public init() {}

    public let description = RuleDescription(.gatherTimeout)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap { flow in
            flow.steps.flatMap { step in
                step.actions.compactMap { action -> Diagnostic? in
                    guard case .gather(let gather) = action.kind, gather.next != nil, gather.timeout == nil else { return nil }
                    let written = flow.writtenName(of: step, at: action.range)
                    let again = written ?? "STEP"
                    return finding(
                        "`gather \(gather.variable)` does not say where a caller who enters nothing goes; the call would go on without `\(gather.variable)`",
                        at: flow.span(action.range),
                        help: "add `on timeout -> \(again)` (ask again) or `on timeout -> operator` in the gather's block",
                        fixIts: written == nil ? [] : [flow.fixIt("Add `on timeout -> \(again)` (ask again)",
                                                                    appending: ["on timeout -> \(again)"], under: action.range)])
                }
            }
        }
    }
}
