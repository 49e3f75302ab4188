import IVRCheck
@testable import IVRRuntime
import IVRTestSupport
import Testing

/// Calls that reach `hours`: a test's `at` decides, a test without one stops with a clear
/// reason, and the path explorer walks both branches.
@Suite struct HoursRuntimeTests {
    static func source(tests: String) -> String {
        """
        flow clinic
          number +1-800-555-0157

          schedule office "America/New_York"
            open mon-fri 8:00-17:00

          step welcome
            hours office
              on open -> desk
              on closed
                say "We are closed."
                hangup

          step desk
            dial +1-555-010-0200
            say "Nobody could answer. Goodbye."
            hangup
        \(tests)
        """
    }

    func outcomes(_ tests: String) throws -> [TestOutcome] {
        let result = Examples.check(Self.source(tests: tests))
        let program = try CallProgram.compiled(result.graph)
        return Examples.tests(result.graph).map { FlowTestRunner.run($0, in: program) }
    }

    @Test func theMomentOfATestDecides() throws {
        let results = try outcomes("""

              test "open"
                at 2026-12-22 10:00
                expect dial +1-555-010-0200

              test "closed on Saturday"
                at 2026-12-26 10:00
                expect say "closed"
                expect hangup
            """)
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.failure == nil }, "\(results.map { $0.failure ?? "ok" })")
    }

    @Test func aTestWithoutAMomentSaysSo() throws {
        let results = try outcomes("""

              test "no moment"
                expect hangup
            """)
        let failure = try #require(results.first?.failure)
        #expect(failure.contains("say when it happens: `at 2026-12-25 09:00`"), "\(failure)")
    }

    @Test func aMalformedMomentIsADiagnostic() {
        let result = Examples.check(Self.source(tests: "\n  test \"x\"\n    at 2026-02-30 10:00\n    expect hangup"))
        let parsed = FlowTestParser.parse(result.graph.flows[0])
        #expect(parsed.tests.isEmpty)
        #expect(parsed.diagnostics.first?.message == "`at` needs the date and time of the call")
        #expect(parsed.diagnostics.first?.span.start.line == 20)
    }

    @Test func pathsExploreBothBranches() throws {
        let result = Examples.check(Self.source(tests: ""))
        let program = try CallProgram.compiled(result.graph)
        #expect(PathExplorer.scheduleStates(program, flow: "clinic") == [["clinic/office": false], ["clinic/office": true]])
        let report = PathExplorer.explore(program, flow: "clinic")
        #expect(report.problems.isEmpty, "\(report.problems)")
        // Closed: one path (the hangup); open: answered and every unanswered outcome of the dial.
        #expect(report.pathsExplored >= 3)
    }
}
