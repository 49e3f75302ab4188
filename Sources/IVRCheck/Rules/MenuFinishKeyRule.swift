import IVRLang

extension DiagnosticID {
    public static let menuFinishKey = DiagnosticID(
        "menu-finish-key",
        summary: "no menu branch uses the key that ends the menu's input",
        explanation: """
            A menu is a TeXML `<Gather>`, which stops collecting keys when the caller presses its \
            `finishOnKey` (`#` unless the menu sets `finish-on-key`) and never reports that key as \
            a digit. A branch whose keys include it, such as `on "#"`, can never be taken: the \
            caller presses the key and the menu hears nothing. Use another key for the branch, or \
            give the menu a `finish-on-key` that no branch uses.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "For the directory, press pound."
                  ↓on "#" -> directory
                  on timeout -> directory
                  on invalid -> start

              step directory
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "For the directory, press star."
                  on "*" -> directory
                  on timeout -> directory
                  on invalid -> start

              step directory
                dial +1-555-010-0200
            """,
        ])
}

/// A menu branch cannot use the key that ends the menu's input.
public struct MenuFinishKeyRule: Rule {
    public init() {}

    /// TeXML's `finishOnKey` when the menu does not set one.
    static let defaultFinishKey = "#"

    public let description = RuleDescription(.menuFinishKey)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap { flow in
            flow.steps.flatMap { step in
                step.actions.flatMap { action -> [Diagnostic] in
                    guard case .menu(let menu) = action.kind else { return [] }
                    return check(menu, in: flow)
                }
            }
        }
    }

    private func check(_ menu: Menu, in flow: Flow) -> [Diagnostic] {
        let finishKeys = menu.attributes.first { $0.name == "finishOnKey" }?.value ?? Self.defaultFinishKey
        return menu.branches.compactMap { branch -> Diagnostic? in
            guard case .digits(let keys) = branch.key, let key = keys.first(where: finishKeys.contains) else { return nil }
            let setting = finishKeys == Self.defaultFinishKey ? "`#` ends a menu's input unless it sets `finish-on-key`"
                : "this menu's `finish-on-key` includes `\(key)`"
            return finding("the branch on `\(keys)` can never be taken: \(setting), and that key is never reported as a digit",
                           at: flow.span(branch.range),
                           help: "use another key for this branch, or set `finish-on-key` on the menu to a key no branch uses")
        }
    }
}
