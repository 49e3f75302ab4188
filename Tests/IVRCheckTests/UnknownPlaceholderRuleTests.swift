import IVRCheck
import IVRLang
import Testing

@Suite struct UnknownPlaceholderRuleTests {
    let rule = UnknownPlaceholderRule()

    @Test func misspelledParameterIsReportedAtThePlaceholderWithASuggestion() throws {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

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
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "Your member number {{member_id}} is on file."
                  on 1 -> ask
                  on timeout -> ask
                  on invalid -> ask

              step ask
                gather member_id num-digits=8 -> confirm
                  say "Enter your member number."
                  on timeout -> start

              step confirm
                say "You entered {{member_id}}, from {{ From }}."
                hangup
            """)
        #expect(findings.map(\.span.start.line) == [6])
    }

    /// Every path: a menu loop that returns through the gather keeps the name collected.
    @Test func aLoopBackThroughTheGatherKeepsTheNameCollected() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                gather member_id num-digits=8 -> confirm
                  say "Enter your member number."
                  on timeout -> start

              step confirm
                menu timeout=5s
                  say "You entered {{member_id}}. Press 1 to change it."
                  on 1 -> start
                  on timeout -> start
                  on invalid -> start
            """)
        #expect(findings.isEmpty)
    }

    /// A gather without `on timeout` sends a silent caller on without the value: an error at
    /// the use, with the path that misses it.
    @Test func aSilentCallerPathMissesTheValueAndTheNoteShowsIt() throws {
        // The rule's own failing example: `gather ext` without `on timeout`, `{{ext}}` dialled.
        let findings = RuleTesting.findings(rule, rule.description.reported[1].unmarkedSource)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == .error)
        #expect(finding.message == "`{{ext}}` is used where not every call has collected it")
        #expect(finding.span.start.line == 9 && finding.span.start.column == 16)
        #expect(finding.notes.first?.message == "reached from `start` by timeout to `connect`, without anything collecting `ext`")
        #expect(finding.notes.first?.span.start.line == 5)
    }

    /// Intersection over incoming edges: the closed branch of `hours` goes round the gather.
    @Test func anHoursBranchThatSkipsTheGatherIsReported() throws {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              schedule office "America/Chicago"
                open mon-fri 8:00-17:00

              step start
                hours office
                  on open -> ask
                  on closed -> thanks

              step ask
                gather ext num-digits=3 -> thanks
                  say "Enter the extension."
                  on timeout -> bye

              step thanks
                say "Thanks, {{ext}}."
                hangup

              step bye
                hangup
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.notes.first?.message.contains("by office closed to `thanks`") == true, "\(finding.notes)")
    }

    @Test func aNameNoGatherCollectsIsAMisspelling() throws {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                gather ext num-digits=3 -> connect
                  say "Enter the extension."
                  on timeout -> start

              step connect
                dial {{ex}}
            """)
        #expect(findings.map(\.message) == ["`{{ex}}` names nothing the call provides here; the caller would hear nothing in its place"])
        #expect(findings.first?.help?.hasPrefix("did you mean `{{ext}}`?") == true)
    }

    /// Mustache sections and comments are not placeholders (`invalid-placeholder`, reported
    /// by the parser), so this rule names no value in them.
    @Test func mustacheSectionsAndCommentsNameNoValue() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                say "{{! a comment }}{{#Digits}}You pressed {{{Digits}}}{{/Digits}}"
            """)
        #expect(findings.isEmpty)
    }

    @Test func placeholdersInPlayUrlsAreChecked() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                play https://example.com/greeting-{{Language}}.mp3
            """)
        #expect(findings.count == 1)
    }
}
