import IVRLang

extension DiagnosticID {
    public static let emergencyReachable = DiagnosticID(
        "emergency-reachable",
        summary: "every menu reaches the emergency step with a single key",
        explanation: """
            Someone in trouble should not have to go through two menus to get help. Every menu a \
            call can reach (including menus inside `on KEY` blocks) needs a digit key whose branch \
            is the emergency step, or leads there straight away: through gotos and prompts only, \
            with no other menu, gather or recording on the way. Menus inside the emergency step \
            itself are exempt. Pick one key (9, or 1 on a driver line) and use it on every menu, \
            so callers learn it: written in the flow (`on 9 -> urgent` next to the settings), it is \
            a key of every menu and counts for each. Applies to healthcare and fleet flows.
            """,
        reported: [
            """
            flow patient_line
              number +1-800-555-0157
              industry healthcare

              step welcome
                disclose "This call is being recorded."
                menu timeout=5s
                  say "For appointments, press 1. For an urgent matter, press 9."
                  on 1 -> appointments
                  on 9 -> urgent
                  on timeout -> urgent
                  on invalid -> welcome

              step appointments
                ↓menu timeout=5s
                  say "To book, press 1. To cancel, press 2."
                  on 1 -> desk
                  on 2 -> desk
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-555-010-0200

              step urgent emergency
                dial +1-555-010-0911 -> desk
            """,
        ],
        notReported: [
            """
            flow patient_line
              number +1-800-555-0157
              industry healthcare

              step welcome
                disclose "This call is being recorded."
                menu timeout=5s
                  say "For appointments, press 1. For an urgent matter, press 9."
                  on 1 -> appointments
                  on 9 -> urgent
                  on timeout -> urgent
                  on invalid -> welcome

              step appointments
                menu timeout=5s
                  say "To book, press 1. For an urgent matter, press 9."
                  on 1 -> desk
                  on 9
                    say "Connecting you to the nurse."
                    goto urgent
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-555-010-0200

              step urgent emergency
                dial +1-555-010-0911 -> desk
            """,
            """
            flow patient_line
              number +1-800-555-0157
              industry healthcare
              on 9 -> urgent

              step welcome
                disclose "This call is being recorded."
                menu timeout=5s
                  say "For appointments, press 1. For an urgent matter, press 9."
                  on 1 -> appointments
                  on timeout -> urgent
                  on invalid -> welcome

              step appointments
                menu timeout=5s
                  say "To book, press 1. For an urgent matter, press 9."
                  on 1 -> desk
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-555-010-0200

              step urgent emergency
                dial +1-555-010-0911 -> desk
            """,
        ])
}

/// Every menu a caller can hear offers a single key to the emergency step.
public struct EmergencyReachableRule: Rule {
    public init() {}

    public let description = RuleDescription(.emergencyReachable, industries: [.healthcare, .fleet])

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.filter(description.applies).flatMap(check)
    }

    private func check(_ flow: Flow) -> [Diagnostic] {
        guard let emergency = flow.emergencyStep else { return [] }
        let emergencyName = flow.steps[emergency].name
        var findings: [Diagnostic] = []
        for stepIndex in flow.reachableSteps() {
            let step = flow.steps[stepIndex]
            // Menus written inside the emergency step (and its branch blocks) are already there.
            if stepIndex == emergency || step.name.hasPrefix(emergencyName + ".") { continue }
            for index in flow.exit(of: stepIndex).reached {
                guard case .menu(let menu) = step.actions[index].kind else { continue }
                let oneKey = menu.branches.contains { branch in
                    guard case .digits(let keys) = branch.key, keys.count == 1, let target = branch.target else { return false }
                    return leadsStraight(to: emergency, from: target, in: flow)
                }
                if !oneKey {
                    let key = suggestedKey(for: menu, emergency: emergency, in: flow)
                    findings.append(finding(
                        "this menu has no single key that reaches the emergency step `\(emergencyName)`",
                        at: flow.span(step.actions[index].range),
                        help: "add `on \(key) -> \(emergencyName)` and say it in the prompt"))
                }
            }
        }
        return findings
    }

    /// Whether `start` is the emergency step or gets there by gotos through steps that only
    /// speak or play (nothing that waits for the caller or connects them elsewhere first).
    private func leadsStraight(to emergency: Int, from start: Int, in flow: Flow) -> Bool {
        var step = start
        var seen: Set<Int> = []
        while step != emergency {
            guard seen.insert(step).inserted else { return false }
            let exit = flow.exit(of: step)
            let actions = flow.steps[step].actions[exit.reached]
            guard let last = actions.last, case .goto(let next) = last.kind,
                  actions.dropLast().allSatisfy(\.isPrompt) else { return false }
            step = next
        }
        return true
    }

    /// The digit other menus of the flow already use for the emergency step, else 9, else
    /// the first digit this menu leaves free.
    private func suggestedKey(for menu: Menu, emergency: Int, in flow: Flow) -> String {
        let used = Set(menu.branches.compactMap { if case .digits(let keys) = $0.key { keys } else { nil } })
        var counts: [String: Int] = [:]
        for step in flow.steps {
            for action in step.actions {
                guard case .menu(let other) = action.kind else { continue }
                for branch in other.branches where branch.target == emergency {
                    if case .digits(let keys) = branch.key, keys.count == 1 { counts[keys, default: 0] += 1 }
                }
            }
        }
        let preferred = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key) + ["9"] + (0...9).map(String.init)
        return preferred.first { !used.contains($0) } ?? "9"
    }
}
