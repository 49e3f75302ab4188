import IVRCheck
import IVRLang
import Testing

@Suite struct EmergencyReachableRuleTests {
    let rule = EmergencyReachableRule()

    static func flow(_ branches: String, extraSteps: String = "") -> String {
        """
        flow line
          number +1-800-555-0157
          industry healthcare

          step welcome
            menu timeout=5s
              say "Choose."
        \(branches)
              on timeout -> desk
              on invalid -> desk

          step desk
            dial +1-555-010-0200

          step urgent emergency
            dial +1-555-010-0911 -> desk
        \(extraSteps)
        """
    }

    @Test func menuWithoutEmergencyKeyIsReportedAtTheMenu() throws {
        let findings = RuleTesting.findings(rule, Self.flow("      on 1 -> desk"))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 6)
        #expect(finding.help == "add `on 9 -> urgent` and say it in the prompt")
    }

    @Test func timeoutToEmergencyIsNotAKey() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157
              industry fleet

              step welcome
                menu timeout=5s
                  on 1 -> desk
                  on timeout -> urgent
                  on invalid -> urgent

              step desk
                dial +1-555-010-0200

              step urgent emergency
                dial +1-555-010-0911 -> desk
            """)
        #expect(findings.count == 1)
    }

    @Test func keyLeadingThroughPromptsAndGotosCounts() {
        let findings = RuleTesting.findings(rule, Self.flow("""
                  on 9
                    say "Connecting you to the nurse."
                    goto hop
            """, extraSteps: """

              step hop
                play https://example.com/tone.mp3
                goto urgent
            """))
        #expect(findings.isEmpty)
    }

    @Test func keyLeadingThroughAnotherMenuDoesNotCount() {
        let findings = RuleTesting.findings(rule, Self.flow("      on 9 -> triage", extraSteps: """

              step triage
                menu timeout=5s
                  say "Press 1 for the nurse."
                  on 1 -> urgent
                  on timeout -> urgent
                  on invalid -> urgent
            """))
        #expect(findings.map(\.span.start.line) == [6])
    }

    @Test func keySequencesAreNotSingleKeys() {
        let findings = RuleTesting.findings(rule, Self.flow("      on \"99\" -> urgent"))
        #expect(findings.count == 1)
    }

    @Test func menusInBranchBlocksAreCheckedAndSuggestTheKeyInUse() throws {
        let findings = RuleTesting.findings(rule, Self.flow("""
                  on 7 -> urgent
                  on 1
                    menu timeout=5s
                      say "Press 1 to book."
                      on 1 -> desk
                      on timeout -> desk
                      on invalid -> desk
            """))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 10)
        #expect(finding.help == "add `on 7 -> urgent` and say it in the prompt")
    }

    @Test func menusInsideTheEmergencyStepAndUnreachableStepsAreExempt() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157
              industry healthcare

              step urgent emergency
                menu timeout=5s
                  say "Press 1 for the nurse, 2 for the doctor."
                  on 1 -> nurse
                  on 2 -> nurse
                  on timeout -> nurse
                  on invalid -> nurse

              step nurse
                dial +1-555-010-0911

              step forgotten
                menu timeout=5s
                  on 1 -> nurse
                  on timeout -> nurse
                  on invalid -> nurse
            """)
        #expect(findings.isEmpty)
    }
}
