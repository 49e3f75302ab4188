import IVRCheck
import IVRLang
import Testing

@Suite struct UnreachableStepRuleTests {
    let rule = UnreachableStepRule()

    @Test func unreachableNamedStepsAreWarnedAboutButNotTheirBlocks() throws {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                dial +1-555-010-0200

              step orphan
                menu timeout=5s
                  on 1
                    goto island
                  on timeout -> orphan
                  on invalid -> orphan

              step island
                hangup
            """)
        #expect(findings.map(\.span.start.line) == [7, 14])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func stepsReachedOnlyThroughBranchBlocksAreReachable() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                menu timeout=5s
                  on 1
                    say "One moment."
                    goto desk
                  on timeout -> voicemail
                  on invalid -> start

              step desk
                dial +1-555-010-0200 -> voicemail

              step voicemail
                hangup
            """)
        #expect(findings.isEmpty)
    }
}
