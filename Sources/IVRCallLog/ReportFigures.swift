/// The cells every format shows for a flow's figures, the markdown and text tables alike.
enum ReportFigures {
    static let header = ["day", "calls", "reached a person", "emergency", "emergency reached", "lookups", "lookup failures",
                         "requests", "errors", "p50 ms", "p95 ms", "p99 ms"]

    static func row(_ figures: CallReport.Figures) -> [String] {
        [figures.day, "\(figures.calls)", "\(figures.reachedPerson)", "\(figures.emergencyCalls)", "\(figures.emergencyReached)",
         "\(figures.lookups)", figures.lookups == 0 ? "–" : Percent.text(figures.lookupFailures, of: figures.lookups),
         "\(figures.requests)", figures.requests == 0 ? "–" : Percent.text(figures.errors, of: figures.requests),
         milliseconds(figures.p50Ms), milliseconds(figures.p95Ms), milliseconds(figures.p99Ms)]
    }

    static func mark(_ pass: Bool?) -> String {
        switch pass {
        case true?: "pass"
        case false?: "FAIL"
        case nil: "–"
        }
    }

    static func emergency(_ call: CallReport.EmergencyCall) -> [String] {
        var ending = call.outcome
        if let fallback = call.fallback { ending += " → \(fallback)" }
        if let source = call.hangupSource { ending += " (hung up by \(source))" }
        return [call.callSid, call.day, ending]
    }

    static func branch(_ branch: CallReport.Branch) -> [String] {
        ["\(branch.menu): \(branch.outcome) → \(branch.next)", "\(branch.count) of \(branch.ofMenu)", Percent.text(branch.count, of: branch.ofMenu)]
    }

    static func share(_ count: CallReport.Count, of total: Int) -> [String] {
        [count.name, "\(count.calls)", Percent.text(count.calls, of: total)]
    }

    /// The footer: what was read and everything that could not be used.
    static func input(_ report: CallReport) -> [String] {
        let tally = report.input
        var lines = ["\(tally.lines) \(tally.lines == 1 ? "line" : "lines") read from \(tally.files) \(tally.files == 1 ? "file" : "files"), "
            + "\(tally.requests) \(tally.requests == 1 ? "request" : "requests") used"]
        if report.unroutedCalls > 0 {
            lines.append("\(report.unroutedCalls) \(report.unroutedCalls == 1 ? "call" : "calls") to a number no flow answers")
        }
        return lines + tally.problems
    }

    private static func milliseconds(_ value: Double?) -> String { value.map { "\($0)" } ?? "–" }
}
