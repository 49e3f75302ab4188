import IVRCheck
import IVRRuntime
import IVRTestSupport
import Testing

/// The runtime fills `{{NAME}}` with the server's own function, so `test` and `simulate` show
/// what the caller hears and who is dialled (`dial sip:101@pbx…`, not `sip:{{ext}}@pbx…`).
@Suite struct ValuesRuntimeTests {
    func outcomes(_ extraTests: String = "") throws -> [TestOutcome] {
        let result = Examples.check(ValuesFlow.source + extraTests)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        let program = try CallProgram.compiled(result.graph)
        return Examples.tests(result.graph).map { FlowTestRunner.run($0, in: program) }
    }

    @Test func theFlowsOwnTestsPassWithTheValuesFilledIn() throws {
        let results = try outcomes()
        #expect(results.count == 3)
        for result in results { #expect(result.passed, "\(result.test.description): \(result.failure ?? "")") }
        let dialled = results[0].transcript.compactMap { event -> [DialedTarget]? in
            if case .dial(let targets) = event { targets } else { nil }
        }
        #expect(dialled == [[DialedTarget(noun: "Sip", value: "sip:101@pbx.example.com")]])
    }

    /// A test that expects the placeholder itself fails: nothing dials `{{ext}}` any more.
    @Test func anExpectationOfTheUnfilledTargetFails() throws {
        let results = try outcomes("""

              test "the placeholder is never dialled"
                press 101
                expect dial sip:{{ext}}@pbx.example.com
            """)
        #expect(results.last?.passed == false)
    }

    /// 500 typed digits never reach a `<Dial>`: the caller hears the apology and the dial's
    /// no-answer route runs, as the server answers it.
    @Test func aFiveHundredDigitCallbackIsRefusedAndTheDialsFallbackRuns() throws {
        let digits = String(repeating: "5", count: 500)
        let results = try outcomes("""

              test "500 digits"
                silence
                press "\(digits)#"
                expect say "cannot be dialled"
                expect dial +1-555-010-0200
            """)
        let last = try #require(results.last)
        #expect(last.passed, "\(last.failure ?? "")")
        #expect(!last.transcript.contains { if case .dial(let targets) = $0 { targets.contains { $0.value.contains(digits) } } else { false } })
    }

    /// The callback is bounded to +1 (`allow=+1`): a satellite number typed in is refused as
    /// the server refuses it, and the dial's no-answer route runs.
    @Test func aCallbackOutsideItsAllowedPrefixesIsRefused() throws {
        let results = try outcomes("""

              test "a satellite number"
                silence
                press "882161234567#"
                expect say "cannot be dialled"
                expect no dial +882161234567
                expect dial +1-555-010-0200
            """)
        let last = try #require(results.last)
        #expect(last.passed, "\(last.failure ?? "")")
    }

    @Test func everyPathIsExploredWithoutAProblem() throws {
        let result = Examples.check(ValuesFlow.source)
        let report = PathExplorer.explore(try CallProgram.compiled(result.graph), flow: "extensions")
        #expect(report.problems.isEmpty, "\(report.problems)")
    }
}
