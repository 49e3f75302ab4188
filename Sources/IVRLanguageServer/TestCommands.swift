import IVRLang
import IVRLanguageServerProtocol
import IVRRuntime

/// `workspace/executeCommand` for the test lenses: a document's `test` blocks run in process by
/// the compiler and runtime `ivrc test` uses, on the workspace as the editor holds it. The answer
/// is a `TestRunResult`; the client also gets a message to show (every test passed, or the first
/// failure at file:line:col) and, in its log, the report `ivrc test` prints with each failing
/// call's transcript.
enum TestCommands {
    enum Name: String, CaseIterable {
        /// Arguments: the document's URI and the test's name.
        case runTest = "ivrc.runTest"
        /// Arguments: the document's URI.
        case runTests = "ivrc.runTests"
    }

    struct Run {
        let result: TestRunResult
        let message: ShowMessageParams
        let log: LogMessageParams
    }

    static func command(_ name: Name, _ uri: String, test: String? = nil) -> Command {
        Command(title: name == .runTest ? "▶ run test" : "▶ run all tests", command: name.rawValue,
                arguments: [.string(uri)] + (test.map { [.string($0)] } ?? []))
    }

    static func execute(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> Run {
        let params = try message.parameters(ExecuteCommandParams.self)
        guard let name = Name(rawValue: params.command) else {
            let known = Name.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            throw ResponseError(.invalidParams, "`\(params.command)` is not a command of ivrc's server (it runs \(known))")
        }
        let (uri, test) = try arguments(params.arguments ?? [], of: name)
        let document = try session.document(uri)
        guard document.parsed.flows.contains(where: { $0.tests.contains { test == nil || $0.description == test } }) else {
            throw ResponseError(.requestFailed, test.map { "\(document.path) has no test named \"\($0)\" (any more)" }
                ?? "\(document.path) has no tests")
        }
        let outcomes = try session.runTests(in: document.path, named: test)
        let result = TestRunResult(tests: outcomes.map { outcome in
            TestRunResult.Test(flow: outcome.test.flow, name: outcome.test.description, failure: outcome.failure,
                               location: Location(uri: document.uri, range: document.converter.range(of: outcome.test.span)))
        })
        let summary = "\(result.passed) passed, \(result.failed) failed"
        let shown = outcomes.first { !$0.passed }.map { failed in
            ShowMessageParams(type: 1, message: "ivrc test: \(summary). FAIL \(failed.test.flow): \(failed.test.description): \(failed.failure ?? "")")
        } ?? ShowMessageParams(type: 3, message: "ivrc test: \(summary)" + (test.map { ": \"\($0)\"" } ?? ""))
        return Run(result: result, message: shown,
                   log: LogMessageParams(type: 3, message: outcomes.map(\.report).joined() + summary))
    }

    /// `[uri, name]` for `runTest`, `[uri]` for `runTests`; anything else is InvalidParams.
    private static func arguments(_ arguments: [JSONValue], of name: Name) throws(ResponseError) -> (uri: String, test: String?) {
        switch (name, arguments.first?.stringValue, arguments.dropFirst().first?.stringValue, arguments.count) {
        case (.runTest, let uri?, let test?, 2):
            return (uri, test)
        case (.runTests, let uri?, nil, 1):
            return (uri, nil)
        default:
            let expected = name == .runTest ? "a document's URI and a test's name" : "a document's URI"
            throw ResponseError(.invalidParams, "`\(name.rawValue)` takes \(expected), as strings")
        }
    }
}
