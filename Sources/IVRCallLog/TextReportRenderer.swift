/// `ivrc report`'s terminal output: per flow, the days, the plan's indicators, emergency calls
/// that did not reach a person, where calls ended, menu and value branches and languages; then the input.
public enum TextReportRenderer {
    public static func render(_ report: CallReport) -> String {
        var out = "ivrc report" + window(report) + "\n"
        if report.flows.isEmpty { out += "\nno calls\n" }
        for flow in report.flows {
            out += "\n\(flow.flow)\n"
            out += TextColumns.render([ReportFigures.header] + flow.days.map(ReportFigures.row) + [ReportFigures.row(flow.total)], indent: "  ")
            out += "\n  plan\n"
            out += TextColumns.render(flow.indicators.map { [$0.name, $0.target, $0.value, ReportFigures.mark($0.pass)] }, indent: "    ")
            if !flow.emergencyNotReached.isEmpty {
                out += "\n  emergency calls that did not reach a person\n"
                out += TextColumns.render(flow.emergencyNotReached.map(ReportFigures.emergency), indent: "    ")
            }
            out += section("where calls ended", flow.endedAt.map { ReportFigures.share($0, of: flow.total.calls) })
            out += section("branches", flow.branches.map(ReportFigures.branch))
            out += section("languages", flow.languages.map { ReportFigures.share($0, of: flow.total.calls) })
        }
        out += "\ninput\n"
        out += ReportFigures.input(report).map { "  \($0)\n" }.joined()
        return out
    }

    static func window(_ report: CallReport) -> String {
        switch (report.from, report.to) {
        case let (from?, to?): " from \(from) to \(to)"
        case let (from?, nil): " from \(from)"
        case let (nil, to?): " to \(to)"
        case (nil, nil): ""
        }
    }

    private static func section(_ title: String, _ rows: [[String]]) -> String {
        rows.isEmpty ? "" : "\n  \(title)\n" + TextColumns.render(rows, indent: "    ")
    }
}
