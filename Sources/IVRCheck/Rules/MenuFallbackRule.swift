import IVRLang

extension DiagnosticID {
    public static let menuFallback = DiagnosticID(
        "menu-fallback", .warning,
        summary: "every menu handles `timeout` and `invalid`",
        explanation: """
            Callers press nothing (they are driving, or did not hear the options) and press keys \
            the menu does not offer. Without `on timeout` the call falls off the end of the menu \
            once its tries run out, which hangs up on the caller; without `on invalid` a wrong key \
            does the same. Give every menu both branches, usually to a person (the front desk) or \
            back to the menu itself.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                ↓menu timeout=5s
                  say "For appointments, press 1."
                  on 1 -> appointments

              step appointments
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "For appointments, press 1."
                  on 1 -> appointments
                  on timeout -> appointments
                  on invalid -> start

              step appointments
                dial +1-555-010-0200
            """,
        ])
}

/// Every menu says what happens on silence and on a key it does not know.
public struct MenuFallbackRule: Rule {
    public init() {}

    public let description = RuleDescription(.menuFallback)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap { flow in
            flow.steps.flatMap { step in
                step.actions.compactMap { action -> Diagnostic? in
                    guard case .menu(let menu) = action.kind else { return nil }
                    return check(menu, at: action, in: step, of: flow)
                }
            }
        }
    }

    private func check(_ menu: Menu, at action: Action, in step: Step, of flow: Flow) -> Diagnostic? {
        let timeout = menu.branch(.timeout), invalid = menu.branch(.invalid)
        guard timeout == nil || invalid == nil else { return nil }
        // Suggest the target the other fallback uses, else replaying this step.
        let present = (timeout ?? invalid)?.target.map { flow.steps[$0] }
        let known = present.flatMap { flow.writtenName(of: $0, at: action.range) } ?? flow.writtenName(of: step, at: action.range)
        let target = known ?? "STEP"
        let missing = [timeout == nil ? "timeout" : nil, invalid == nil ? "invalid" : nil].compactMap { $0 }
        let lines = missing.map { "on \($0) -> \(target)" }
        let quoted = lines.map { "`\($0)`" }.joined(separator: " and ")
        let what = switch (timeout, invalid) {
        case (nil, nil): "what happens when the caller presses nothing, or a key it does not offer"
        case (nil, _): "what happens when the caller presses nothing"
        default: "what happens when the caller presses a key it does not offer"
        }
        return finding("this menu does not say \(what)", at: flow.span(action.range),
                       help: "add " + quoted,
                       fixIts: known == nil ? [] : [flow.fixIt("Add " + quoted, appending: lines, under: action.range)])
    }
}
