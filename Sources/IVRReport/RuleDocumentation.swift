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

    /// The explanation, then the first reported example and the first not reported one as the
    /// fix. Given the reported example's run (`ExampleRun`), its findings are shown as `ivrc check`
    /// prints them, carets under the marked spans; SARIF's copy leaves them out.
    public static func explain(_ rule: RuleDescription, run: ExampleRun.Outcome? = nil) -> String {
        var out = "\(rule.id) (\(rule.severity.rawValue), \(scope(rule)))\n\n\(rule.summary)\n\n\(rule.explanation)\n"
        if let reported = rule.reported.first {
            out += "\nThis is reported:\n\n\(shown(reported))"
            if let run {
                let findings = DiagnosticRenderer(sources: run.files).render(run.findings(rule.id))
                out += "\nivrc points at it:\n\n\(indented(findings))"
            }
        }
        if let notReported = rule.notReported.first {
            out += "\nThis is not:\n\n\(shown(notReported))"
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
        if let reported = rule.reported.first {
            out += "\nReported:\n\n\(fenced(reported))"
        }
        if let notReported = rule.notReported.first {
            out += "\nNot reported:\n\n\(fenced(notReported))"
        }
        return out
    }

    /// An example's files without markers, indented; the values file, when there is one, under its path.
    private static func shown(_ example: DiagnosticExample) -> String {
        guard let values = example.unmarkedValues else { return indented(example.unmarkedSource) }
        return indented("# \(DiagnosticExample.flowPath)\n" + terminated(example.unmarkedSource))
            + "\n" + indented("# \(DiagnosticExample.valuesPath)\n" + values)
    }

    private static func fenced(_ example: DiagnosticExample) -> String {
        "```\n\(terminated(example.unmarkedSource))```\n"
            + (example.unmarkedValues.map { "\n`\(DiagnosticExample.valuesPath)`:\n\n```\n\(terminated($0))```\n" } ?? "")
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
