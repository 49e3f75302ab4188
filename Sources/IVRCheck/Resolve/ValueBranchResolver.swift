import Foundation
import IVRBundle
import IVRLang

/// `branch {{NAME}}` with its `on …` lines, each `-> STEP` or a block, the last `on other`.
extension FlowResolver {
    private static let branchExample = """
        branch {{status}}
              on "active" "returning" -> provider
              on empty -> registration
              on above 30 -> desk
              on other -> front_desk
        """

    mutating func resolveValueBranch(_ statement: Statement, in stepName: String) -> ValueBranch? {
        let example = Self.branchExample
        guard statement.arguments.count == 1, let written = statement.arguments.first,
              case .word(let word) = written.kind, let value = Self.placeholderName(word) else {
            error(.syntax, "`branch` needs the value it decides on, written `{{NAME}}`", statement.arguments.first?.range ?? statement.range,
                  help: "write:\n    \(example)\n`param.NAME` and `env.NAME` are fixed when the flow is built, so there is nothing to decide per call")
            return nil
        }
        if value.hasPrefix(ModuleCopy.prefix) || value.hasPrefix(EnvironmentSubstitution.prefix) {
            error(.syntax, "`{{\(value)}}` is fixed when the flow is built, so `branch` has nothing to decide per call", written.range,
                  help: "branch on a value the call carries (a `gather NAME`, an `http-request` field, {{From}}), or go to the step directly")
            return nil
        }
        if let extra = statement.options.first?.range {
            error(.syntax, "`branch` takes its `on …` lines as an indented block", extra, help: "write:\n    \(example)")
        }
        var cases: [ValueBranch.Case] = []
        var other: SourceRange?
        var texts: [String: SourceRange] = [:]
        var empty: SourceRange?
        var numbers: [NumberInterval] = []
        var comparison: (isNumeric: Bool, range: SourceRange)?
        for line in statement.children {
            guard line.keyword.text == "on" else {
                error(.syntax, "`branch` holds `on …` lines", line.keyword.range, help: "write:\n    \(example)")
                continue
            }
            guard let condition = branchCondition(line) else { continue }
            if let option = line.options.first {
                error(.syntax, "a `branch` line takes no options, and `\(option.name.text)` would be ignored", option.range,
                      help: "write `on \(condition.spelling) -> STEP`")
            }
            if let other {
                error(.unreachableBranch, "this line can never be taken: `on other` above it takes every value", line.range,
                      help: "move `on other` to the end of the `branch`", notes: [.init("`on other` is here", at: span(other))])
                continue
            }
            switch condition {
            case .oneOf(let values):
                for (text, at) in zip(values, line.arguments.map(\.range)) {
                    if let first = texts[text] {
                        error(.unreachableBranch, "\"\(text)\" is already compared above, so it never reaches this line", at,
                              help: "remove it here; the first line that names a value takes it", notes: [.init("the first comparison", at: span(first))])
                    } else {
                        texts[text] = at
                    }
                }
            case .empty:
                if let empty {
                    error(.unreachableBranch, "`branch {{\(value)}}` already has an `on empty` line", line.range,
                          notes: [.init("the first one", at: span(empty))])
                    continue
                }
                empty = line.range
            case .above, .below, .between:
                guard let interval = NumberInterval(condition) else { continue }
                if case .between(let low, let high) = condition, low > high {
                    error(.unreachableBranch, "`on \(condition.spelling)` takes no number: \(ValueCondition.format(low)) is above \(ValueCondition.format(high))",
                          line.range, help: "write the smaller number first: `on from \(ValueCondition.format(high)) to \(ValueCondition.format(low))`")
                    continue
                }
                if interval.isCovered(by: numbers) {
                    error(.unreachableBranch, "every number `on \(condition.spelling)` takes is taken by a line above it", line.range,
                          help: "narrow or remove this line, or move it above the lines that cover it")
                    continue
                }
                numbers.append(interval)
            case .other:
                other = line.range
            }
            if let kind = Self.comparesNumbers(condition) {
                if let earlier = comparison, earlier.isNumeric != kind {
                    let (this, that) = kind ? ("a number", "text") : ("text", "a number")
                    error(.mixedComparison, "this line compares `{{\(value)}}` as \(this), but a line above compares it as \(that)", line.range,
                          help: "compare a value either as text (`on \"active\"`) or as a number (`on above 30`), not both",
                          notes: [.init("compared as \(that) here", at: span(earlier.range))])
                    continue
                }
                if comparison == nil { comparison = (isNumeric: kind, range: line.range) }
            }
            let label = switch condition {
            case .other: "other"
            case .empty: "empty"
            default: "case\(cases.count + 1)"
            }
            cases.append(.init(condition: condition, target: branchTarget(line, label: condition.spelling, anonymousName: "\(stepName).\(label)"),
                               range: line.range))
        }
        guard other != nil else {
            error(.syntax, "`branch {{\(value)}}` has no `on other` line", statement.keyword.range,
                  help: "say where every value the lines do not name goes, last:\n    on other -> front_desk")
            return nil
        }
        return ValueBranch(value: value, valueRange: written.range, cases: cases)
    }

    /// `{{NAME}}` → `NAME`, by the one placeholder grammar.
    private static func placeholderName(_ word: String) -> String? {
        guard Placeholder.isPlaceholder(word) else { return nil }
        return Placeholder.names(in: word).first
    }

    /// True for a numeric comparison, false for a text one, nil for `empty` and `other`.
    private static func comparesNumbers(_ condition: ValueCondition) -> Bool? {
        switch condition {
        case .oneOf: false
        case .above, .below, .between: true
        case .empty, .other: nil
        }
    }

    /// What an `on …` line of a `branch` compares, or nil after reporting why it cannot be read.
    private mutating func branchCondition(_ line: Statement) -> ValueCondition? {
        let arguments = line.arguments
        guard let first = arguments.first else {
            error(.syntax, "`on` needs what the value is compared with", line.keyword.range,
                  help: "write `on \"active\" -> STEP`, `on empty`, `on above 30`, `on below 5`, `on from 1 to 5` or `on other`")
            return nil
        }
        if case .string = first.kind {
            guard let unquoted = arguments.first(where: { if case .string = $0.kind { false } else { true } }) else {
                return .oneOf(arguments.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() })
            }
            error(.syntax, "`\(source.text(unquoted.range))` is not quoted: a line compares with quoted text only", unquoted.range,
                  help: "quote it: `\"\(unquoted.text)\"`")
            return nil
        }
        let words = arguments.map { source.text($0.range) }
        switch words[0] {
        case "empty", "other":
            guard arguments.count == 1 else {
                error(.syntax, "`on \(words[0])` takes nothing after it", arguments[1].range, help: "write `on \(words[0]) -> STEP`")
                return nil
            }
            return words[0] == "empty" ? .empty : .other
        case "above", "below":
            guard arguments.count == 2, let bound = ValueCondition.number(words[1]) else {
                error(.syntax, "`on \(words[0])` needs one number", arguments.count > 1 ? arguments[1].range : first.range,
                      help: "write `on \(words[0]) 30 -> STEP`; to compare text, quote it: `on \"\(words.dropFirst().joined(separator: " "))\"`")
                return nil
            }
            return words[0] == "above" ? .above(bound) : .below(bound)
        case "from":
            guard arguments.count == 4, words[2] == "to", let low = ValueCondition.number(words[1]),
                  let high = ValueCondition.number(words[3]) else {
                error(.syntax, "`on from` needs two numbers: `on from N to M`", line.range, help: "write `on from 1 to 5 -> STEP` (both ends included)")
                return nil
            }
            return .between(low, high)
        default:
            let hint = ValueCondition.number(words[0]) != nil
                ? "to compare text, quote it: `on \"\(words[0])\"`; to compare a number, `on from \(words[0]) to \(words[0])`"
                : (Spelling.nearest(words[0], in: ["empty", "other", "above", "below", "from"]).map { "did you mean `on \($0)`? " } ?? "")
                    + "a line is `on \"TEXT\" …`, `on empty`, `on above N`, `on below N`, `on from N to M` or `on other`"
            error(.syntax, "`on \(words[0])` is not a comparison a `branch` knows", first.range, help: hint)
            return nil
        }
    }
}
