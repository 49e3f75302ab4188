import IVRCheck
import IVRRuntime
import IVRTestSupport
import Testing

/// `http-request`: the call waits for the server's answer, a test gives it (`respond with …`),
/// and its fields are values from the next step on.
@Suite struct DataDipRuntimeTests {
    func outcomes(_ extraTests: String = "") throws -> [TestOutcome] {
        let result = Examples.check(ValuesFlow.dataDip + extraTests)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        let program = try CallProgram.compiled(result.graph)
        return Examples.tests(result.graph).map { FlowTestRunner.run($0, in: program) }
    }

    @Test func theAnswersFieldsAreReadOutInTheNextStep() throws {
        let results = try outcomes()
        #expect(results.count == 2)
        for result in results { #expect(result.passed, "\(result.test.description): \(result.failure ?? "")") }
        #expect(results[0].transcript.contains(.httpRequest(url: "https://dispatch.example.com/loads")))
        #expect(results[0].transcript.contains(.request(url: "lookup.route?v=driver%3D4711",
                                                         parameters: ["eta": "15", "dock": "7"])), "\(results[0].transcript)")
    }

    @Test func aTestThatGivesNoAnswerStopsAtTheRequestAndAWrongEventIsAMismatch() throws {
        let results = try outcomes("""

              test "no answer given"
                press 4711
                expect say "dock"

              test "a key instead of the answer"
                press 4711
                press 1
                expect say "dock"
            """)
        #expect(results[2].passed == false)
        #expect(results[3].failure?.contains("the server's answer to an <HttpRequest>") == true, "\(results[3].failure ?? "")")
    }

    @Test func aRespondLineWithoutFieldsIsADiagnostic() {
        let result = Examples.check(ValuesFlow.dataDip + "\n  test \"x\"\n    press 4711\n    respond eta\n")
        let parsed = FlowTestParser.parse(result.graph.flows[0])
        #expect(parsed.diagnostics.map(\.message) == ["`respond` needs the fields of the answer"])
    }

    @Test func everyPathIsExploredWithAStandInAnswer() throws {
        let result = Examples.check(ValuesFlow.dataDip)
        let report = PathExplorer.explore(try CallProgram.compiled(result.graph), flow: "dispatch")
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.pathsExplored >= 2)
    }
}
