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
            Every `test` block is a simulated call through the documents and routes `build` would
            write. With --paths, every call path up to --depth caller choices is followed instead,
            and paths that hang up on nobody, loop without input or record before the disclosure
            are reported. With --url the test blocks call a running `ivrc serve` over HTTP instead
            (each test calls its flow's number), so the same tests prove the server.
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
                ? explore(flows, checked.program)
                : try runTests(flows, checked.program, sources: sources)
            guard let passed else { return ExitStatus.diagnostics }
            print("\(passed) passed, \(failed) failed")
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
        var passed = 0, failed = 0
        for test in tests {
            let outcome = try server.source(calling: numbers[test.flow] ?? "", at: test.moment).map {
                FlowTestRunner.run(test, source: $0.source, entry: $0.entry)
            } ?? FlowTestRunner.run(test, in: program)
            if let failure = outcome.failure {
                failed += 1
                print("FAIL \(test.flow): \(test.description)")
                print("  \(failure)")
                print("  transcript:")
                print(TranscriptFormatter.format(outcome.transcript, indent: "    "), terminator: "")
            } else {
                passed += 1
                print("ok   \(test.flow): \(test.description)")
            }
        }
        return (passed, failed)
    }

    private func explore(_ flows: [Flow], _ program: CallProgram) -> (Int?, Int) {
        var passed = 0, failed = 0
        for flow in flows {
            let report = PathExplorer.explore(program, flow: flow.name, depth: depth)
            if report.problems.isEmpty {
                passed += 1
                print("ok   \(flow.name): \(report.pathsExplored) paths explored, depth \(depth)")
            } else {
                failed += 1
                print("FAIL \(flow.name): \(report.problems.count) problem(s) in \(report.pathsExplored) paths")
                for problem in report.problems { print("  \(problem)") }
            }
        }
        return (passed, failed)
    }
}
