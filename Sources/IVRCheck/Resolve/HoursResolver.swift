import IVRLang

/// `hours NAME` with its two branches, `on open` and `on closed`, each `-> STEP` or a block.
extension FlowResolver {
    mutating func resolveHours(_ statement: Statement, in stepName: String) -> Hours? {
        let example = "hours office\n      on open -> front_desk\n      on closed -> voicemail"
        guard statement.arguments.count == 1, let name = statement.arguments.first, case .word(let schedule) = name.kind else {
            error(.syntax, "`hours` needs the name of a schedule", statement.range, help: "write:\n    \(example)")
            return nil
        }
        if let extra = statement.options.first?.range ?? statement.target?.range {
            error(.syntax, "`hours` takes its branches as an indented block", extra, help: "write:\n    \(example)")
        }
        guard schedules.contains(schedule) else {
            let hint = Spelling.nearest(schedule, in: schedules).map { "did you mean `\($0)`? " }
                ?? (schedules.isEmpty ? "declare it in the flow: `schedule \(schedule) \"America/New_York\"` with `open` lines; " : "")
            error(.undefinedSchedule, "there is no schedule named `\(schedule)`", name.range,
                  help: "\(hint)the flow's schedules are declared with `schedule NAME \"Zone\"`")
            return nil
        }
        var targets: [String: (target: Int?, range: SourceRange)] = [:]
        for branch in statement.children {
            let label = branch.arguments.first?.text ?? ""
            guard branch.keyword.text == "on", branch.arguments.count == 1, label == "open" || label == "closed" else {
                error(.syntax, "`hours` holds `on open` and `on closed` branches", branch.range, help: "write:\n    \(example)")
                continue
            }
            if let option = branch.options.first {
                error(.syntax, "an `hours` branch takes no options, and `\(option.name.text)` would be ignored", option.range,
                      help: "write `on \(label) -> STEP`; to switch the call's language, put `language TAG` in the step it leads to")
            }
            if let first = targets[label] {
                error(.duplicateKey, "`hours \(schedule)` already has an `on \(label)` branch", branch.range,
                      notes: [.init("the first one", at: span(first.range))])
                continue
            }
            targets[label] = (branchTarget(branch, label: label, anonymousName: "\(stepName).\(label)"), branch.range)
        }
        guard let open = targets["open"], let closed = targets["closed"] else {
            let missing = targets["open"] == nil ? "open" : "closed"
            error(.syntax, "`hours \(schedule)` has no `on \(missing)` branch", statement.keyword.range,
                  help: "a call arrives both when the line is open and when it is closed; say where each goes:\n    \(example)")
            return nil
        }
        return Hours(schedule: schedule, open: open.target, closed: closed.target,
                     openRange: open.range, closedRange: closed.range)
    }
}
