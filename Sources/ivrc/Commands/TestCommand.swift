import ArgumentParser
import Foundation
import IVRCheck
import IVRLang
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

    func validate() throws {
        if explorePaths && server.url != nil { throw ValidationError("--paths explores the compiled bundle; it cannot be combined with --url") }
        _ = try server.webhook()
        _ = try server.signer()
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let sources = try InputFiles.load(paths)
            guard let checked = CheckedProgram.load(sources, output: output, environment: try environment.load()) else {
                return ExitStatus.diagnostics
            }
            let flows = checked.result.graph.flows.sorted { $0.name < $1.name }
            let (passed, failed) = explorePaths
                ? explore(flows, checked.program, sources: sources)
                : try runTests(flows, checked.program, sources: sources)
            guard let passed else { return ExitStatus.diagnostics }
            // Machine formats keep stdout to the report itself.
            let summary = "\(passed) passed, \(failed) failed\n"
            if output.format == .text { print(summary, terminator: "") } else { standardError(summary) }
            return failed == 0 ? ExitStatus.clean : ExitStatus.diagnostics
        }
    }

    /// Nil passed count when the tests themselves are malformed (diagnostics printed).
    private func runTests(_ flows: [Flow], _ program: CallProgram, sources: [SourceFile]) throws -> (Int?, Int) {
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
        for test in tests {
            let outcome = try server.source(calling: numbers[test.flow] ?? "", at: test.moment).map {
                FlowTestRunner.run(test, source: $0.source, entry: $0.entry)
            } ?? FlowTestRunner.run(test, in: program)
            guard let failure = outcome.failure, let diagnostic = outcome.diagnostic else {
                passed += 1
                if output.format == .text { print("ok   \(test.flow): \(test.description)") }
                continue
            }
            let transcript = TranscriptFormatter.format(outcome.transcript, indent: "    ")
            if output.format == .text {
                print("FAIL \(test.flow): \(test.description)")
                print("  \(failure)")
                print("  transcript:")
                print(transcript, terminator: "")
            }
            failures.append(diagnostic)
        }
        if output.format != .text { output.emit(failures, sources: sources) }
        return (passed, failures.count)
    }

    private func explore(_ flows: [Flow], _ program: CallProgram, sources: [SourceFile]) -> (Int?, Int) {
        var passed = 0
        var problems: [Diagnostic] = []
        for flow in flows {
            let report = PathExplorer.explore(program, flow: flow.name, depth: depth)
            if report.problems.isEmpty {
                passed += 1
                if output.format == .text { print("ok   \(flow.name): \(report.pathsExplored) paths explored, depth \(depth)") }
                continue
            }
            if output.format == .text {
                print("FAIL \(flow.name): \(report.problems.count) problem(s) in \(report.pathsExplored) paths")
                for problem in report.problems { print("  \(problem)") }
            }
            problems += report.diagnostics(at: flow)
        }
        if output.format != .text { output.emit(problems, sources: sources) }
        return (passed, flows.count - passed)
    }
}
