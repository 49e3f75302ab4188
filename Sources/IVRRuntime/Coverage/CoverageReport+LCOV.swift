extension CoverageReport {
    /// `--coverage-format lcov`: one record per `.ivr` file (`SF:` its path as given), steps as
    /// functions (`FN`/`FNDA`), each decision's branches as a block (`BRDA`), and `DA` for every
    /// statement line with how many tests ran it, as `genhtml` reads them. Files in path order.
    public var lcov: String {
        var out = ""
        let files = Set(flows.flatMap { $0.items.map(\.span.file) }).sorted()
        for file in files {
            out += "TN:\nSF:\(file)\n"
            var lineHits: [Int: Int] = [:]
            var functions: [(line: Int, name: String, hits: Int)] = []
            var branches: [(line: Int, block: Int, branch: Int, hits: Int)] = []
            var blocks: [String: Int] = [:]
            for flow in flows {
                let items = flow.items.filter { $0.span.file == file && $0.kind != .language }
                // Within a flow a line counts the tests of the item that ran it most; flows sharing a module add up.
                var flowLines: [Int: Int] = [:]
                for item in items {
                    for line in item.lines { flowLines[line] = max(flowLines[line] ?? 0, item.hits) }
                    guard let step = item.step else { continue }
                    switch item.kind {
                    case .step: functions.append((item.span.start.line, "\(flow.flow)/\(step)", item.hits))
                    case .branch:
                        let key = "\(flow.flow)/\(step)"
                        let block = blocks[key] ?? blocks.count
                        blocks[key] = block
                        branches.append((item.span.start.line, block, branches.count { $0.block == block }, item.hits))
                    case .language: break
                    }
                }
                lineHits.merge(flowLines, uniquingKeysWith: +)
            }
            for function in functions { out += "FN:\(function.line),\(function.name)\n" }
            for function in functions { out += "FNDA:\(function.hits),\(function.name)\n" }
            out += "FNF:\(functions.count)\nFNH:\(functions.count { $0.hits > 0 })\n"
            for branch in branches { out += "BRDA:\(branch.line),\(branch.block),\(branch.branch),\(branch.hits)\n" }
            out += "BRF:\(branches.count)\nBRH:\(branches.count { $0.hits > 0 })\n"
            for (line, hits) in lineHits.sorted(by: { $0.key < $1.key }) { out += "DA:\(line),\(hits)\n" }
            out += "LF:\(lineHits.count)\nLH:\(lineHits.values.count { $0 > 0 })\nend_of_record\n"
        }
        return out
    }
}
