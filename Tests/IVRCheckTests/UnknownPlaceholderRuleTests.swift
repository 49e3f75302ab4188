import IVRCheck
import IVRLang
import Testing

@Suite struct UnknownPlaceholderRuleTests {
    let rule = UnknownPlaceholderRule()

    @Test func misspelledParameterIsReportedAtThePlaceholderWithASuggestion() throws {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-596-3057

              step start
                say "Your call from {{CallSID}} matters."
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 5 && finding.span.start.column == 27)
        #expect(finding.help?.hasPrefix("did you mean `{{CallSid}}`?") == true)
    }

    @Test func gatheredNameIsKnownOnlyAfterTheGather() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-596-3057

              step start
                menu timeout=5s
                  say "Your member number {{member_id}} is on file."
                  on 1 -> ask
                  on timeout -> ask
                  on invalid -> ask

              step ask
                gather member_id num-digits=8 -> confirm
                  say "Enter your member number."

              step confirm
                say "You entered {{member_id}}, from {{ From }}."
                hangup
            """)
        #expect(findings.map(\.span.start.line) == [6])
    }

    /// "On some path": once a loop brings the call back after the gather, the name counts.
    @Test func gatheredNameCountsWhenSomePathHasGatheredIt() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-596-3057

              step start
                gather member_id num-digits=8 -> confirm
                  say "Enter your member number."

              step confirm
                menu timeout=5s
                  say "You entered {{member_id}}. Press 1 to change it."
                  on 1 -> start
                  on timeout -> start
                  on invalid -> start
            """)
        #expect(findings.isEmpty)
    }

    @Test func mustacheSectionsAndCommentsAreUnderstood() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-596-3057

              step start
                say "{{! a comment }}{{#Digits}}You pressed {{{Digits}}}{{/Digits}}"
            """)
        #expect(findings.isEmpty)
    }

    @Test func placeholdersInPlayUrlsAreChecked() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-596-3057

              step start
                play https://example.com/greeting-{{Language}}.mp3
            """)
        #expect(findings.count == 1)
    }
}
