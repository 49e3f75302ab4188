import IVRCheck
import IVRLang

/// The text of `ivrc rules` and `ivrc explain`, made from each rule's own description and
/// examples, so the documentation cannot drift from what the rule tests.
public enum RuleDocumentation {
    /// One line per rule: id, severity, industries, summary; columns aligned.
    public static func list(_ rules: [RuleDescription]) -> String {
        let rows = [["RULE", "SEVERITY", "INDUSTRIES", "SUMMARY"]] + rules.map { rule in
            [rule.id, rule.severity.rawValue, industries(rule), rule.summary]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<3).map { row[$0].padding(to: widths[$0]) }.joined(separator: "  ") + "  " + row[3] + "\n"
        }.joined()
    }

    /// The explanation, then the first failing example and the first passing one as the fix.
    public static func explain(_ rule: RuleDescription) -> String {
        var out = "\(rule.id) (\(rule.severity.rawValue), \(scope(rule)))\n\n\(rule.summary)\n\n\(rule.explanation)\n"
        if let failing = rule.failing.first {
            out += "\nThis is reported:\n\n\(indented(failing))"
        }
        if let passing = rule.passing.first {
            out += "\nThis is not:\n\n\(indented(passing))"
        }
        if isWaivable(rule) {
            out += "\nTo allow it in one place, say why above the statement, step or flow:\n\n"
            out += "    # ivrc: allow \(rule.id) -- REASON\n"
        }
        return out
    }

    /// The same content for SARIF viewers, which render `help.markdown`.
    public static func markdown(_ rule: RuleDescription) -> String {
        var out = "**\(rule.id)** (\(rule.severity.rawValue), \(scope(rule)))\n\n\(rule.summary)\n\n\(rule.explanation)\n"
        if let failing = rule.failing.first {
            out += "\nReported:\n\n```\n\(terminated(failing))```\n"
        }
        if let passing = rule.passing.first {
            out += "\nNot reported:\n\n```\n\(terminated(passing))```\n"
        }
        return out
    }

    private static func isWaivable(_ rule: RuleDescription) -> Bool {
        FrontEndDiagnostics.description(id: rule.id) == nil
    }

    private static func industries(_ rule: RuleDescription) -> String {
        rule.industries.isEmpty ? "all" : rule.industries.map(\.rawValue).joined(separator: ",")
    }

    private static func scope(_ rule: RuleDescription) -> String {
        rule.industries.isEmpty ? "every flow" : rule.industries.map(\.rawValue).joined(separator: " and ") + " flows"
    }

    private static func indented(_ source: String) -> String {
        terminated(source).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.isEmpty ? "\n" : "    \($0)\n" }.joined()
    }

    private static func terminated(_ source: String) -> String {
        source.hasSuffix("\n") ? source : source + "\n"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
