import Foundation
import IVRCheck
import IVRLang
import IVRRuntime
import IVRTestSupport
import Testing

/// `ivrc test --coverage` counts what the runtime's calls did: documents fetched (steps,
/// languages) and the branches their sessions took, against every branch the flow offers.
@Suite struct CoverageTests {
    static let flow = """
        flow cover
          number +1-800-555-0190
          languages en-US es-MX

          schedule office "America/Chicago"
            open mon-fri 9:00-17:00

          step welcome
            menu tries=2
              say "For sales press 1 or say sales."
                es-MX "Para ventas oprima 1."
              on 1 "sales" es-MX="ventas" -> sales
              on 2 language=es-MX -> sales
              on timeout -> goodbye
              on invalid
                say "Sorry."
                  es-MX "Lo siento."
                goto goodbye

          step sales
            hours office
              on open -> ask
              on closed -> goodbye

          step ask
            gather account num-digits=4 -> lookup
              say "Enter your account."
                es-MX "Su cuenta."
              on timeout -> goodbye

          step lookup
            http-request https://crm.example.com/accounts -> agent
              field tier "tier"

          step agent
            dial +1-555-010-0200 -> goodbye
            hangup

          step goodbye
            say "Goodbye."
              es-MX "Adiós."
            goto farewell

          step farewell
            hangup

        """

    /// One test block per case, so each can be measured alone.
    static let tests: [String: String] = [
        "openAgent": """
          test "a key reaches an agent while open"
            at 2026-12-21 10:00
            press 1
            press 1234
            respond with tier="gold"
            answer
        """,
        "closedSpanish": """
          test "Spanish while closed"
            at 2026-12-20 10:00
            press 2
            expect say "Adiós."
        """,
        "twoSilences": """
          test "two silences end the call"
            silence
            silence
            expect say "Goodbye."
        """,
        "silenceThenSpeech": """
          test "one silence, then the key"
            at 2026-12-21 10:00
            silence
            speak "sales please"
            silence
            expect say "Goodbye."
        """,
        "unknownKey": """
          test "an unknown key"
            press 7
            expect say "Sorry."
        """,
    ]

    /// The flow's coverage by the named tests alone.
    static func coverage(_ names: String...) throws -> FlowCoverage {
        let result = Examples.check(flow + names.map { "\n" + tests[$0]! }.joined())
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        let program = try CallProgram.compiled(result.graph)
        let outcomes = Examples.tests(result.graph).map { FlowTestRunner.run($0, in: program) }
        for outcome in outcomes { #expect(outcome.passed, "\(outcome.test.description): \(outcome.failure ?? "")") }
        return FlowCoverage.measure(result.graph.flows[0], outcomes: outcomes, program: program)
    }

    static func reached(_ coverage: FlowCoverage) -> [String] {
        coverage.items.filter { $0.hits > 0 }.map(\.label)
    }

    /// An answered dial ends the call (its route's `answered` is the hang-up), so `goodbye` is not reached.
    @Test func aCallThroughEveryDecisionReachesEachBranchItTook() throws {
        let coverage = try Self.coverage("openAgent")
        #expect(Self.reached(coverage) == [
            "step `welcome`", "step `sales`", "step `ask`", "step `lookup`", "step `agent`",
            "menu in `welcome`: key 1 (\"sales\")", "hours `office` in `sales`: open", "gather `account` in `ask`: input",
            "lookup in `lookup`: answered", "dial in `agent`: answered", "language en-US",
        ])
    }

    @Test func theLastTrysSilenceIsTheTimeoutBranchAndAnEarlierOneIsNot() throws {
        let twice = try Self.coverage("twoSilences")
        #expect(Self.reached(twice).contains("menu in `welcome`: timeout"))
        let once = try Self.coverage("silenceThenSpeech")
        #expect(!Self.reached(once).contains("menu in `welcome`: timeout"))
        #expect(Self.reached(once).contains("menu in `welcome`: key 1 (\"sales\")"), "speech matched the phrase")
        #expect(Self.reached(once).contains("gather `account` in `ask`: timeout"))
    }

    @Test func languagesClosedHoursAndInvalidKeysAreCounted() throws {
        let spanish = try Self.coverage("closedSpanish")
        #expect(Self.reached(spanish).contains("menu in `welcome`: key 2"))
        #expect(Self.reached(spanish).contains("hours `office` in `sales`: closed"))
        #expect(Self.reached(spanish).contains("language es-MX"))
        let invalid = try Self.coverage("unknownKey")
        #expect(Self.reached(invalid).contains("menu in `welcome`: invalid"))
        #expect(!Self.reached(invalid).contains("step `sales`"))
    }

    @Test func aStepCopiedIntoTheDocumentThatGoesToItIsReachedWithIt() throws {
        let coverage = try Self.coverage("twoSilences")
        #expect(Self.reached(coverage).contains("step `farewell`"))
    }

    @Test func hitsCountTestsAndTheCountsFeedTheThreshold() throws {
        let coverage = try Self.coverage("openAgent", "closedSpanish", "twoSilences", "silenceThenSpeech", "unknownKey")
        #expect(coverage.items.first { $0.label == "step `welcome`" }?.hits == 5)
        #expect(coverage.items.filter { $0.hits == 0 }.map(\.label) == ["lookup in `lookup`: failed", "dial in `agent`: not answered"])
        let branches = CoverageReport(flows: [coverage]).count(.branch)
        #expect(branches == CoverageCount(covered: 10, total: 12))
        #expect(branches.description == "10/12 (83.3%)")
        #expect(branches.meets(83) && !branches.meets(84))
    }

    @Test func nothingToCoverCountsAsCovered() {
        #expect(CoverageCount().meets(100))
        #expect(CoverageCount().description == "0/0 (100.0%)")
    }

    /// The examples' report in every format, byte for byte (regenerate with IVRC_UPDATE_GOLDEN=1).
    @Test func theExamplesReportIsStable() throws {
        let sources = try ExampleFlows.sources() + ["modules/acme_freight.ivr", "modules/northwind_haulage.ivr", "modules/fleet_emergency.ivr"]
            .map(ExampleFlows.source)
        let result = Checker.check(sources)
        let program = try CallProgram.compiled(result.graph)
        let outcomes = Examples.tests(result.graph).map { FlowTestRunner.run($0, in: program) }
        let report = CoverageReport(flows: result.graph.flows.sorted { $0.name < $1.name }
            .map { FlowCoverage.measure($0, outcomes: outcomes, program: program) })
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        try Golden.compare(report.text, with: golden.appendingPathComponent("examples-coverage.txt"))
        try Golden.compare(report.lcov, with: golden.appendingPathComponent("examples-coverage.lcov"))
        try Golden.compare(report.json, with: golden.appendingPathComponent("examples-coverage.json"))
    }
}
