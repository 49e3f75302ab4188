import ArgumentParser
import Foundation
import IVRCheck
import IVRLang
import IVRReport
import IVRRuntime

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the flows' test blocks against the compiled TeXML.",
        discussion: """
            Every `test` block is a simulated call through the documents and routes `build` would \
            write. With --paths, every call path up to --depth caller choices is followed instead, \
            and paths that hang up on nobody, loop without input or record before the disclosure \
            are reported. With --url the test blocks call a running `ivrc serve` over HTTP instead \
            (each test calls its flow's number), so the same tests prove the server. \
            With --coverage, each flow's steps, branches (menu keys, timeout, invalid, gather \
            input and silence, hours open and closed, dial answered or not, lookup answered or \
            failed) and languages are counted by the calls the tests placed, and what no test \
            reached is listed at file:line:col; --coverage-format lcov writes lcov.info for \
            genhtml, json writes coverage.json. --min-coverage N fails below N % of branches. \
            Ends with `N passed, N failed`; exit 1 on any failure.
            """
    )

    @Argument(help: "Flow files or directories (searched recursively for *.ivr).")
    var paths: [String]

    @Flag(name: .customLong("paths"), help: "Explore every call path instead of running the test blocks.")
    var explorePaths = false

    @Option(help: "Most caller choices per path with --paths.")
    var depth = PathExplorer.defaultDepth

    @OptionGroup var output: OutputOptions

    @OptionGroup var server: LiveServerOptions

    @OptionGroup var environment: EnvironmentOptions

    @OptionGroup var coverage: CoverageOptions

    func validate() throws {
        if coverage.isOn && (explorePaths || server.url != nil) {
            throw ValidationError("--coverage counts the test blocks' calls through the compiled bundle; it cannot be combined with --paths or --url")
        }
        if explorePaths && server.url != nil { throw ValidationError("--paths explores the compiled bundle; it cannot be combined with --url") }
        _ = try server.webhook()
        _ = try server.signer()
        _ = try server.trustedCertificates()
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let sources = try InputFiles.load(paths)
            guard let checked = CheckedProgram.load(sources, output: output, environment: try environment.load()) else {
                return ExitStatus.diagnostics
            }
            let flows = checked.result.graph.flows.sorted { $0.name < $1.name }
            var outcomes: [TestOutcome] = []
            let (passed, failed) = explorePaths
                ? explore(flows, checked.program, sources: sources)
                : try runTests(flows, checked.program, sources: sources, outcomes: &outcomes)
            guard let passed else { return ExitStatus.diagnostics }
            // Machine formats keep stdout to the report itself.
            let show: (String) -> Void = { output.format == .text ? print($0, terminator: "") : standardError($0) }
            var belowMinimum: String?
            if coverage.isOn {
                let report = CoverageReport(flows: flows.map { FlowCoverage.measure($0, outcomes: outcomes, program: checked.program) })
                belowMinimum = try coverage.write(report, print: show)
            }
            show("\(passed) passed, \(failed) failed\n")
            if let belowMinimum { standardError("ivrc: error: \(belowMinimum)\n") }
            return failed == 0 && belowMinimum == nil ? ExitStatus.clean : ExitStatus.diagnostics
        }
    }

    /// Nil passed count when the tests themselves are malformed (diagnostics printed).
    /// `outcomes` collects every test's call, for coverage.
    private func runTests(_ flows: [Flow], _ program: CallProgram, sources: [SourceFile], outcomes: inout [TestOutcome]) throws -> (Int?, Int) {
        var tests: [FlowTest] = []
        var diagnostics: [Diagnostic] = []
        for flow in flows {
            let parsed = FlowTestParser.parse(flow)
            tests += parsed.tests
            diagnostics += parsed.diagnostics
        }
        guard diagnostics.isEmpty else {
            output.emit(Diagnostic.sorted(diagnostics), sources: sources)
            return (nil, 0)
        }
        let numbers = Dictionary(flows.map { ($0.name, $0.number ?? "") }) { first, _ in first }
        var passed = 0
        var failures: [Diagnostic] = []
        var results: [TestResult] = []
        for test in tests {
            let outcome = try server.source(calling: numbers[test.flow] ?? "", at: test.moment, from: test.caller).map {
                FlowTestRunner.run(test, source: $0.source, entry: $0.entry)
            } ?? FlowTestRunner.run(test, in: program)
            outcomes.append(outcome)
            results.append(TestResult(flow: test.flow, test: test.description, at: test.span, failure: outcome.failure))
            if output.format == .text { print(outcome.report, terminator: "") }
            guard let diagnostic = outcome.diagnostic else {
                passed += 1
                continue
            }
            failures.append(diagnostic)
        }
        if output.format != .text { output.emit(failures, sources: sources, tests: results) }
        return (passed, failures.count)
    }

    private func explore(_ flows: [Flow], _ program: CallProgram, sources: [SourceFile]) -> (Int?, Int) {
        var passed = 0
        var problems: [Diagnostic] = []
        var results: [TestResult] = []
        for flow in flows {
            let report = PathExplorer.explore(program, flow: flow.name, depth: depth)
            // Named steps only: a block's step is entered through the line above it.
            let notReached = flow.steps.filter { !$0.isAnonymous && !report.stepsReached.contains($0.name) }
            let reached = "\(report.pathsExplored) paths explored, depth \(depth), \(flow.steps.count { !$0.isAnonymous } - notReached.count) of "
                + "\(flow.steps.count { !$0.isAnonymous }) steps entered"
            results.append(TestResult(flow: flow.name, test: nil, at: flow.span(flow.nameRange),
                                      failure: report.problems.isEmpty ? nil : report.problems.map(\.description).joined(separator: "\n"),
                                      pathsExplored: report.pathsExplored, stepsNotReached: notReached.map(\.name)))
            if output.format == .text {
                print(report.problems.isEmpty ? "ok   \(flow.name): \(reached)" : "FAIL \(flow.name): \(report.problems.count) problem(s); \(reached)")
                for step in notReached {
                    let span = flow.span(step.range)
                    print("  \(span.file):\(span.start.line):\(span.start.column): step `\(step.name)` is entered by no path within depth \(depth)")
                }
                for problem in report.problems { print("  \(problem)") }
            }
            if report.problems.isEmpty { passed += 1 } else { problems += report.diagnostics(at: flow) }
        }
        if output.format != .text { output.emit(problems, sources: sources, tests: results) }
        return (passed, flows.count - passed)
    }
}
