/// `ivrc report --format markdown`: the same report as tables for a pull request, a wiki or a
/// client's monthly summary.
public enum MarkdownReportRenderer {
    public static func render(_ report: CallReport) -> String {
        var out = "# Calls" + TextReportRenderer.window(report) + "\n"
        if report.flows.isEmpty { out += "\nNo calls.\n" }
        for flow in report.flows {
            out += "\n## \(escape(flow.flow))\n\n"
            out += table(ReportFigures.header, flow.days.map(ReportFigures.row) + [ReportFigures.row(flow.total)])
            out += "\n### Plan\n\n"
            out += table(["goal", "target", "value", "met"],
                         flow.indicators.map { [$0.name, $0.target, $0.value, ReportFigures.mark($0.pass)] })
            if !flow.emergencyNotReached.isEmpty {
                out += "\n### Emergency calls that did not reach a person\n\n"
                out += table(["CallSid", "day", "ended"], flow.emergencyNotReached.map(ReportFigures.emergency))
            }
            out += section("Where calls ended", ["last step", "calls", "share"],
                           flow.endedAt.map { ReportFigures.share($0, of: flow.total.calls) })
            out += section("Branches", ["branch", "taken", "share"], flow.branches.map(ReportFigures.branch))
            out += section("Languages", ["language", "calls", "share"],
                           flow.languages.map { ReportFigures.share($0, of: flow.total.calls) })
        }
        out += "\n### Input\n\n" + ReportFigures.input(report).map { "- \(escape($0))\n" }.joined()
        return out
    }

    private static func section(_ title: String, _ header: [String], _ rows: [[String]]) -> String {
        rows.isEmpty ? "" : "\n### \(title)\n\n" + table(header, rows)
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header, header.map { _ in "---" }] + rows).map { "| " + $0.map(escape).joined(separator: " | ") + " |\n" }.joined()
    }

    /// Names come from the log: characters Markdown would read as syntax are escaped.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "|\\`*_[]<>#".contains(character) { escaped.append("\\") }
            escaped.append(character == "\n" ? " " : character)
        }
        return escaped
    }
}
