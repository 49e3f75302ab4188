import IVRCheck
import IVRLang
import Testing

@Suite struct RecordingDisclosureRuleTests {
    let rule = RecordingDisclosureRule()

    @Test func recordReachedThroughBranchBlockAndGotoIsReportedWithThePath() throws {
        let findings = RuleTesting.findings(rule, """
            flow intake
              number +1-800-555-0157

              step welcome
                menu timeout=5s
                  say "Press 1 to register."
                  on 1
                    say "Let's register you."
                    goto registration
                  on timeout -> welcome
                  on invalid -> welcome

              step registration
                record max=60s beep
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 14)
        #expect(finding.severity == .error)
        #expect(finding.help?.contains("disclose") == true)
        let note = try #require(finding.notes.first)
        #expect(note.message.contains("reached from `welcome` by press 1 to the `on 1` block of `welcome`, then by goto to `registration`"))
        #expect(note.span.start.line == 9)
    }

    @Test func recordingInTheEntryStepPointsAtTheEntry() throws {
        let findings = RuleTesting.findings(rule, """
            flow intake
              number +1-800-555-0157

              step welcome
                say "Hello."
                record max=60s
            """)
        let note = try #require(findings.first?.notes.first)
        #expect(note.message.contains("starts at `welcome`"))
        #expect(note.span.start.line == 4)
    }

    @Test func disclosureOnOnePathDoesNotCoverAnother() {
        let findings = RuleTesting.findings(rule, """
            flow intake
              number +1-800-555-0157

              step welcome
                menu timeout=5s
                  say "Press 1 or 2."
                  on 1
                    disclose "This call is being recorded."
                    goto voicemail
                  on 2 -> voicemail
                  on timeout -> welcome
                  on invalid -> welcome

              step voicemail
                record max=60s
            """)
        #expect(findings.count == 1)
        #expect(findings.first?.notes.first?.message.contains("press 2") == true)
    }

    @Test func eachRecordingIsReportedOnceEvenWhenReachedTwice() {
        let findings = RuleTesting.findings(rule, """
            flow intake
              number +1-800-555-0157

              step welcome
                menu timeout=5s
                  say "Press 1 or 2."
                  on 1 -> voicemail
                  on 2 -> voicemail
                  on timeout -> voicemail
                  on invalid -> welcome

              step voicemail
                record max=60s
                dial +1-555-010-0200 record=record-from-answer
            """)
        #expect(findings.map(\.span.start.line) == [13, 14])
    }

    @Test func dialWithoutRecordingAndDoNotRecordAreFine() {
        let findings = RuleTesting.findings(rule, """
            flow intake
              number +1-800-555-0157

              step welcome
                dial +1-555-010-0200 record=do-not-record -> desk

              step desk
                dial +1-555-010-0201
            """)
        #expect(findings.isEmpty)
    }

    @Test func disclosureInsideAMenuPromptCountsBeforeItsBranches() {
        let findings = RuleTesting.findings(rule, """
            flow intake
              number +1-800-555-0157

              step welcome
                menu timeout=5s
                  disclose "This call is being recorded."
                  on 1 -> voicemail
                  on timeout -> voicemail
                  on invalid -> welcome

              step voicemail
                record max=60s
            """)
        #expect(findings.isEmpty)
    }

    @Test func recordingOnlyInUnreachableCodeIsNotThisRulesConcern() {
        let findings = RuleTesting.findings(rule, """
            flow intake
              number +1-800-555-0157

              step welcome
                hangup
                record max=60s
            """)
        #expect(findings.isEmpty)
    }
}

@Suite struct NestedVerbRecordingTests {
    private func findings(_ body: String) -> [Diagnostic] {
        let source = "flow f\n  number +1-800-555-0300\n  step main\n" + body
        return Checker.check([SourceFile(path: "f.ivr", text: source)], rules: [RecordingDisclosureRule()]).diagnostics
            .filter { $0.id == "recording-disclosure" }
    }

    @Test func startingAStreamBeforeTheDisclosureIsReported() {
        #expect(findings("    start\n      stream url=wss://media.example.com/live\n    hangup\n").count == 1)
    }

    @Test func noiseSuppressionAndStoppingAStreamRecordNothing() {
        #expect(findings("    start\n      suppression direction=both\n    stop\n      stream\n    hangup\n").isEmpty)
    }
}

@Suite struct RecordingEnteredFromOutsideTests {
    static let closedLine = """
        flow hours
          number +1-800-555-0157

          step open
            say "Welcome."
            dial +1-555-010-0200

          # ivrc: allow unreachable-step -- the hours service redirects here after closing time
          step closed
            say "We are closed. Leave a message."
            record max=60s beep
        """

    @Test func stepNothingLeadsToIsCheckedAsWhereACallStarts() throws {
        let findings = RuleTesting.findings(RecordingDisclosureRule(), Self.closedLine)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 11)
        #expect(finding.notes.first?.message.contains("starts at `closed` (nothing in the flow leads there") == true)
    }

    @Test func waivingUnreachableStepLeavesTheRecordingReported() {
        let diagnostics = RuleTesting.allDiagnostics([SourceFile(path: "hours.ivr", text: Self.closedLine)])
        #expect(diagnostics.map(\.id).contains("recording-disclosure"), "\(RuleTesting.describe(diagnostics))")
        #expect(!diagnostics.map(\.id).contains("unreachable-step"))
    }

    @Test func circleOfStepsNothingEntersIsCheckedToo() {
        let findings = RuleTesting.findings(RecordingDisclosureRule(), """
            flow hours
              number +1-800-555-0157

              step open
                hangup

              step voicemail
                record max=60s -> again

              step again
                goto voicemail
            """)
        #expect(findings.map(\.span.start.line) == [8])
        #expect(findings.first?.notes.first?.message.contains("`voicemail` (the entry never leads there") == true)
    }

    @Test func stepEnteredFromOutsideAfterADisclosureIsFine() {
        let findings = RuleTesting.findings(RecordingDisclosureRule(), """
            flow hours
              number +1-800-555-0157

              step open
                hangup

              step closed
                disclose "This call is being recorded."
                record max=60s
            """)
        #expect(findings.isEmpty)
    }
}
