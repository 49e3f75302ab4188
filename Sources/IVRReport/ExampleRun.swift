import IVRCheck
import IVREnvironment
import IVRLang
import IVRRuntime

/// A `DiagnosticExample` run as ivrc runs a designer's files: `ivrc check --env example`, then,
/// when that finds no errors, the test blocks as `ivrc test` runs them (or, for `path-problem`,
/// every call path as `ivrc test --paths` follows it). What `explain` points at and the example
/// tests hold it to.
public enum ExampleRun {
    public struct Outcome: Sendable {
        /// The files as read (flow, then values), so a renderer can quote them.
        public let files: [SourceFile]
        public let diagnostics: [Diagnostic]

        /// The findings of one id, in report order.
        public func findings(_ id: String) -> [Diagnostic] {
            diagnostics.filter { $0.id == id }
        }
    }

    /// `id` is the id the example shows: it says whether paths are explored instead of tests run.
    public static func run(_ example: DiagnosticExample, of id: String) throws(ValuesFile.Failure) -> Outcome {
        let flow = example.flowFile
        let environment = try example.valuesFile.map { file throws(ValuesFile.Failure) in
            try ValuesFile.parse(name: "example", file: file)
        }
        let files = [flow] + (environment.map { [$0.file] } ?? [])
        let checked = Checker.check([flow], environment: environment)
        guard !checked.diagnostics.contains(where: { $0.severity == .error }),
              let program = try? CallProgram(compiling: checked.graph)
        else { return Outcome(files: files, diagnostics: checked.diagnostics) }
        let flows = checked.graph.flows
        if id == DiagnosticID.pathProblem.rawValue {
            let problems = flows.flatMap { PathExplorer.explore(program, flow: $0.name).diagnostics(at: $0) }
            return Outcome(files: files, diagnostics: Diagnostic.sorted(checked.diagnostics + problems))
        }
        let parsed = flows.map(FlowTestParser.parse)
        let testProblems = parsed.flatMap(\.diagnostics)
        let failures = testProblems.isEmpty
            ? parsed.flatMap(\.tests).compactMap { FlowTestRunner.run($0, in: program).diagnostic } : []
        return Outcome(files: files, diagnostics: Diagnostic.sorted(checked.diagnostics + testProblems + failures))
    }
}
