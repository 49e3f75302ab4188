import IVRCheck
import IVRLang
import IVRTestSupport
import Testing

@Suite struct WaiverTests {
    func check(_ text: String) -> Checker.Result {
        Checker.check([SourceFile(path: "flow.ivr", text: text)], rules: [ShoutingRule()])
    }

    func ids(_ result: Checker.Result) -> [String] { result.diagnostics.map(\.id) }

    @Test func waiverWithReasonSilencesTheStatementBelow() {
        let result = check("""
            flow line
              number +1-800-555-0157
              step welcome
                say "HELLO"

                # ivrc: allow no-shouting -- the brand name is an acronym
                say "TETRIX"
                say "LOUD"
            """)
        #expect(ids(result) == ["no-shouting", "no-shouting"])
        #expect(result.diagnostics.map(\.span.start.line) == [4, 8])
        #expect(result.waivers.map(\.rule) == ["no-shouting"])
        #expect(result.waivers.first?.reason == "the brand name is an acronym")
        #expect(result.waivers.first?.line == 6)
        #expect(result.waivers.first?.scope.start.line == 7)
    }

    @Test func waiverAboveAStepCoversTheWholeStep() {
        let result = check("""
            flow line
              number +1-800-555-0157
              # ivrc: allow no-shouting -- legacy prompts, re-recorded in Q3
              step welcome
                say "TETRIX"
                say "HELLO"
              step other
                say "LOUD"
            """)
        #expect(result.diagnostics.map(\.span.start.line) == [8])
    }

    @Test func waiverAsFirstLineInsideAFlowCoversTheFlow() {
        let result = check("""
            flow line
              # ivrc: allow no-shouting -- imported from the old IVR unchanged
              number +1-800-555-0157
              step welcome
                say "TETRIX"
              step other
                say "LOUD"
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.waivers.count == 1)
    }

    @Test func waiverAsFirstLineInsideAStepCoversTheStep() {
        let result = check("""
            flow line
              number +1-800-555-0157
              step welcome
                # ivrc: allow no-shouting -- acronyms only
                say "TETRIX"
                say "HELLO"
              step other
                say "LOUD"
            """)
        #expect(result.diagnostics.map(\.span.start.line) == [8])
    }

    @Test func waiverWithoutReasonIsAnErrorAndSilencesNothing() {
        let result = check("""
            flow line
              number +1-800-555-0157
              step welcome
                # ivrc: allow no-shouting
                say "TETRIX"
            """)
        #expect(ids(result) == [Waivers.withoutReason.rawValue, "no-shouting"])
        #expect(result.diagnostics[0].severity == .error)
        #expect(result.waivers.isEmpty)
    }

    @Test func emptyReasonAfterDashesIsMissing() {
        let result = check("""
            flow line
              number +1-800-555-0157
              step welcome
                # ivrc: allow no-shouting --
                say "TETRIX"
            """)
        #expect(ids(result).contains(Waivers.withoutReason.rawValue))
    }

    @Test func unknownRuleGetsDidYouMean() {
        let result = check("""
            flow line
              number +1-800-555-0157
              step welcome
                # ivrc: allow no-shoutin -- typo
                say "TETRIX"
            """)
        let problem = result.diagnostics.first { $0.id == Waivers.unknownRule.rawValue }
        #expect(problem?.help?.contains("did you mean `no-shouting`?") == true)
        #expect(problem?.span.start.column == 19)
        #expect(ids(result).contains("no-shouting"))
    }

    @Test func frontEndIdsCannotBeWaived() {
        let result = check("""
            flow line
              number +1-800-555-0157
              step welcome
                # ivrc: allow undefined-step -- later
                goto nowhere
            """)
        #expect(Set(ids(result)) == [Waivers.unknownRule.rawValue, "undefined-step"])
    }

    @Test func unusedWaiverIsAWarning() {
        let result = check("""
            flow line
              number +1-800-555-0157
              step welcome
                # ivrc: allow no-shouting -- just in case
                say "Hello"
            """)
        #expect(ids(result) == [Waivers.unused.rawValue])
        #expect(result.diagnostics[0].severity == .warning)
        #expect(result.waivers.isEmpty)
    }

    @Test func trailingWaiverIsMisplaced() {
        let result = check("""
            flow line
              number +1-800-555-0157
              step welcome
                say "TETRIX"  # ivrc: allow no-shouting -- acronym
            """)
        #expect(Set(ids(result)) == [Waivers.misplaced.rawValue, "no-shouting"])
    }

    @Test func malformedWaiverIsReported() {
        let result = check("""
            flow line
              number +1-800-555-0157
              step welcome
                # ivrc: alow no-shouting -- typo in the verb
                say "Hello"
            """)
        #expect(ids(result) == [Waivers.malformed.rawValue])
    }

    @Test func ordinaryCommentsAreNotWaivers() {
        let result = check("""
            # ivrc compiles this; allow plenty of time
            flow line
              number +1-800-555-0157
              step welcome
                say "Hello"
            """)
        #expect(result.diagnostics.isEmpty)
    }
}
