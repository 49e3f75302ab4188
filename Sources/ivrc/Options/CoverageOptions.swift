import ArgumentParser
import IVRRuntime

/// `ivrc test --coverage`: what the flows' tests reached, how it is written, and the floor.
struct CoverageOptions: ParsableArguments {
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, lcov, json

        /// Where the file goes without --coverage-output (`lcov.info` is where coverage services look).
        var defaultOutput: String? {
            switch self {
            case .text: nil
            case .lcov: "lcov.info"
            case .json: "coverage.json"
            }
        }
    }

    @Flag(help: "Report which steps, branches and languages the test blocks reached, and what none reached.")
    var coverage = false

    @Option(help: "How to write coverage: text (printed), lcov or json (written to --coverage-output).")
    var coverageFormat: Format = .text

    @Option(help: "The lcov or json coverage file (default lcov.info, coverage.json).")
    var coverageOutput: String?

    @Option(help: "Fail (exit 1) when the tests reach fewer than N % of the flows' branches; implies --coverage.")
    var minCoverage: Int?

    var isOn: Bool { coverage || minCoverage != nil || coverageFormat != .text || coverageOutput != nil }

    func validate() throws {
        if let minCoverage, !(0...100).contains(minCoverage) { throw ValidationError("--min-coverage is a percentage from 0 to 100") }
        if coverageOutput != nil && coverageFormat == .text { throw ValidationError("--coverage-output needs --coverage-format lcov or json") }
    }

    /// Writes the report where asked; the text summary goes through `print`. Returns the
    /// failure message when the branches reached fall below --min-coverage.
    func write(_ report: CoverageReport, print: (String) -> Void) throws -> String? {
        print(report.text)
        if let output = coverageOutput ?? coverageFormat.defaultOutput {
            let body = coverageFormat == .lcov ? report.lcov : report.json
            try AtomicFile.replace(output, with: Array(body.utf8))
            print("coverage written to \(output)\n")
        }
        let branches = report.count(.branch)
        guard let minCoverage, !branches.meets(minCoverage) else { return nil }
        return "the tests reach \(branches.description) of the flows' branches, below --min-coverage \(minCoverage) %; "
            + "add test blocks for the branches listed as not reached"
    }
}
