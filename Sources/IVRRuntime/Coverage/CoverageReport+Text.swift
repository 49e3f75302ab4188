extension CoverageReport {
    /// Per flow: steps, branches and languages reached, then what no test reached, each at
    /// its file:line:col; last the branch total `--min-coverage` reads.
    public var text: String {
        var out = ""
        for flow in flows {
            var counts = ["steps \(flow.count(.step).description)", "branches \(flow.count(.branch).description)"]
            if !flow.items(.language).isEmpty { counts.append("languages \(flow.count(.language).description)") }
            out += "coverage \(flow.flow): " + counts.joined(separator: ", ") + "\n"
            let missed = flow.items.filter { $0.hits == 0 }
            if !missed.isEmpty { out += "  not reached by any test:\n" }
            for item in missed {
                out += "    \(item.span.file):\(item.span.start.line):\(item.span.start.column): \(item.label)\n"
            }
        }
        out += "coverage: steps \(count(.step).description), branches \(count(.branch).description)\n"
        return out
    }
}
