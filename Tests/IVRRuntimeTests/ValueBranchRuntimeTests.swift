import IVRCheck
import IVRRuntime
import TeXMLEmit
import Testing
import IVRTestSupport

/// `branch {{NAME}}` and a lookup that can fail, run offline: the route decides from the
/// call's carried values, a failed request (`respond failed`) and an answer without a field
/// both reach `on failure`, and `test --paths` walks every line.
@Suite struct ValueBranchRuntimeTests {
    static let flow = """
        flow desk
          number +1-800-555-0190

          step welcome
            gather member num-digits=4 -> lookup
              say "Enter your member number."
              on timeout -> front_desk

          step lookup
            http-request https://members.example.com/find method=POST -> route
              header Content-Type "application/json"
              body "{\\"member\\": \\"{{member}}\\"}"
              field tier "member.tier"
              field name "member.name" default="member"
              on failure -> front_desk

          step route
            branch {{tier}}
              on "gold" "platinum"
                say "Welcome back, {{name}}."
                dial +1-555-010-0100 -> front_desk
              on "bronze" -> front_desk
              on other -> queue_line

          step queue_line
            say "Please hold."
            dial +1-555-010-0300
            say "Nobody could answer. Goodbye."
            hangup

          step front_desk
            dial +1-555-010-0200
            say "Nobody could answer. Goodbye."
            hangup

          test "a gold member is greeted and reaches their line"
            press 1234
            respond with tier=" Gold " name="Ana"
            expect say "Welcome back, Ana."
            expect dial +1-555-010-0100

          test "a default fills a field the answer lacks"
            press 1234
            respond with tier="platinum"
            expect say "Welcome back, member."

          test "a bronze member reaches the front desk"
            press 1234
            respond with tier="bronze"
            expect dial +1-555-010-0200

          test "any other tier goes on the other line"
            press 1234
            respond with tier="silver"
            expect dial +1-555-010-0300

          test "an answer without the tier is a failed lookup"
            press 1234
            respond with name="Ana"
            expect dial +1-555-010-0200
            expect no say "Welcome"

          test "a failed request is a failed lookup"
            press 1234
            respond failed
            expect dial +1-555-010-0200
        """

    @Test func everyLineAndTheFailureRunAsTheTestsSay() throws {
        let result = Examples.check(Self.flow)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        let program = try CallProgram.compiled(result.graph)
        let outcomes = Examples.tests(result.graph).map { FlowTestRunner.run($0, in: program) }
        #expect(outcomes.count == 6)
        for outcome in outcomes { #expect(outcome.passed, "\(outcome.test.description): \(outcome.failure ?? "")") }
    }

    /// `from` sets the caller's number for one test; a branch on `{{From}}` decides by it.
    @Test func fromSetsTheCallersNumber() throws {
        let result = Examples.check("""
            flow vip
              number +1-800-555-0191

              step start
                say "Hello, {{From}}."
                branch {{From}}
                  on "+15550100123" -> vip
                  on other -> desk

              step vip
                dial +1-555-010-0100

              step desk
                dial +1-555-010-0200

              test "the listed caller reaches the VIP line"
                from +1-555-010-0123
                expect say "Hello, +15550100123."
                expect dial +1-555-010-0100

              test "anyone else reaches the desk"
                expect dial +1-555-010-0200

              test "from twice"
                from +1-555-010-0123
                from +1-555-010-0124
                expect dial +1-555-010-0200
            """)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        let parsed = FlowTestParser.parse(result.graph.flows[0])
        #expect(parsed.diagnostics.map(\.message) == ["this test already says who calls"])
        let program = try CallProgram.compiled(result.graph)
        for test in parsed.tests {
            let outcome = FlowTestRunner.run(test, in: program)
            #expect(outcome.passed, "\(test.description): \(outcome.failure ?? "")")
        }
    }

    @Test func respondFailedWhereNoLookupIsPendingIsAMismatch() throws {
        let result = Examples.check(Self.flow + "\n\n  test \"x\"\n    respond failed\n    expect dial +1-555-010-0200\n")
        let program = try CallProgram.compiled(result.graph)
        let outcome = try #require(Examples.tests(result.graph).last.map { FlowTestRunner.run($0, in: program) })
        #expect(!outcome.passed)
        #expect(outcome.failure?.contains("respond failed") == true, "\(outcome.failure ?? "")")
    }

    /// The stand-in answer (`0`) takes `on other`; the gold line, which ends the call without a
    /// person, is walked all the same, so its problem is found.
    @Test func pathsWalkEveryLineAndTheFailure() throws {
        let result = Examples.check(Self.flow)
        let program = try CallProgram.compiled(result.graph)
        #expect(PathExplorer.chosenLines(program, flow: "desk").count == 4)
        #expect(PathExplorer.explore(program, flow: "desk").problems.isEmpty)
        let silent = Examples.check(Self.flow.replacingOccurrences(of: "        dial +1-555-010-0100 -> front_desk\n", with: ""))
        let report = PathExplorer.explore(try CallProgram.compiled(silent.graph), flow: "desk")
        #expect(report.problems.map(\.kind) == [.hangsUpWithoutHuman], "\(report.problems)")
    }
}
