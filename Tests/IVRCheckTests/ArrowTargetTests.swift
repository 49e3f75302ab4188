import IVRCheck
import IVRLang
import Testing

/// `-> STEP` either says where the call goes on or is an error: never accepted and dropped.
@Suite struct ArrowTargetTests {
    private func diagnostics(_ body: String) -> [Diagnostic] {
        RuleTesting.frontEndDiagnostics("""
            flow f
              number +1-800-555-0100

              step main
            \(body)

              step done
                hangup
            """)
    }

    @Test(arguments: [
        "    say \"hi\" -> done",
        "    play https://example.com/a.mp3 -> done",
        "    pause 2s -> done",
        "    hangup -> done",
        "    goto done -> done",
        "    redirect https://example.com/next.xml -> done",
        "    start -> done\n      recording",
        "    dial -> done\n      number +1-555-010-0200 -> done",
        "    menu -> done\n      on 1 -> done",
    ])
    func arrowWhereItMeansNothingIsAnError(_ body: String) {
        let found = diagnostics(body)
        #expect(found.contains { $0.id == "syntax" && $0.message.contains("means nothing here") },
                "\(body): \(RuleTesting.describe(found))")
    }

    @Test func arrowToAStepThatDoesNotExistOnASayIsReportedAtTheArrowTarget() throws {
        let found = diagnostics("    say \"hi\" -> nowhere\n    hangup")
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.span.start.line == 5 && finding.span.start.column == 17)
        #expect(finding.help?.contains("goto nowhere") == true)
    }

    @Test func declarationLinesTakeNoArrow() {
        let step = RuleTesting.frontEndDiagnostics("flow f\n  number +1-800-555-0100\n  step main -> other\n    hangup\n")
        #expect(step.map(\.message).contains { $0.contains("a step line does not continue anywhere") })
        let test = RuleTesting.frontEndDiagnostics("flow f\n  number +1-800-555-0100\n  step main\n    hangup\n  test \"t\" -> main\n    expect hangup\n")
        #expect(test.map(\.message).contains { $0.contains("a test line does not continue anywhere") })
    }

    @Test func enqueueArrowIsWhereTheCallGoesOnAfterTheQueue() throws {
        let result = Checker.check([SourceFile(path: "f.ivr", text: """
            flow f
              number +1-800-555-0100

              step main
                enqueue support -> done

              step done
                hangup
            """)])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        let flow = try #require(result.graph.flows.first)
        #expect(flow.exit(of: 0).edges.map(\.label) == [.leftQueue])
        #expect(flow.exit(of: 0).edges.map(\.target) == [1])
    }

    @Test func enqueueArrowToAnUnknownStepIsUndefined() {
        let found = diagnostics("    enqueue q1 wait-url=https://example.com/hold.xml -> nowhere2")
        #expect(found.map(\.id) == ["undefined-step"])
    }
}

/// A run of digits too long for a number is reported where a number is meant.
@Suite struct LongDigitRunTests {
    @Test(arguments: [
        ("    pause 99999999999", "`99999999999` is too large for a pause"),
        ("    dial +1-555-010-0200 timeout=99999999999", "`99999999999` is too large for `timeout`"),
        ("    menu\n      on 99999999999 -> main", "`99999999999` is more than one key"),
    ])
    func tooLargeWhereANumberIsMeant(_ body: String, _ message: String) {
        let found = RuleTesting.frontEndDiagnostics("flow f\n  number +1-800-555-0100\n  step main\n\(body)\n")
        #expect(found.map(\.message).contains(message), "\(RuleTesting.describe(found))")
    }
}

@Suite struct HoldMusicStepTests {
    static let flow = """
        flow q
          number +1-800-555-0157

          step start
            enqueue dispatchers wait-url=hold_music -> after

          step hold_music
            play https://example.com/hold.mp3

          step after
            hangup
        """

    @Test func aStepNamedAsWaitURLIsTheHoldMusicAndIsReached() throws {
        let result = Checker.check([SourceFile(path: "q.ivr", text: Self.flow)])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        let flow = try #require(result.graph.flows.first)
        #expect(flow.exit(of: 0).edges.map(\.label) == [.holdMusic, .leftQueue])
    }

    @Test func aWaitURLThatIsNeitherAURLNorAStepIsAnError() throws {
        let found = RuleTesting.frontEndDiagnostics(Self.flow.replacingOccurrences(of: "wait-url=hold_music", with: "wait-url=hold_musik"))
        let finding = try #require(found.first { $0.id == "invalid-option" })
        #expect(finding.message == "`wait-url=hold_musik` is neither a URL nor a step of this flow")
        #expect(finding.help?.hasPrefix("did you mean the step `hold_music`?") == true)
    }

    @Test(arguments: ["\"hold_music\"", "\"hold.xml\"", "hold.xml", "5"])
    func aQuotedStepIsTheHoldMusicAndAnyOtherNonURLIsAnError(_ value: String) {
        let found = RuleTesting.frontEndDiagnostics(Self.flow.replacingOccurrences(of: "wait-url=hold_music", with: "wait-url=\(value)"))
        let isStep = value == "\"hold_music\""
        #expect(found.contains { $0.id == "invalid-option" } == !isStep, "\(value): \(RuleTesting.describe(found))")
    }

    @Test func recordingInTheHoldStepAfterADisclosureBeforeTheQueueIsFine() {
        let source = Self.flow.replacingOccurrences(of: "  step start\n", with: "  step start\n    disclose \"Recorded.\"\n")
            .replacingOccurrences(of: "play https://example.com/hold.mp3", with: "start\n      recording")
        #expect(RuleTesting.findings(RecordingDisclosureRule(), source).isEmpty)
        let undisclosed = Self.flow.replacingOccurrences(of: "play https://example.com/hold.mp3", with: "start\n      recording")
        #expect(RuleTesting.findings(RecordingDisclosureRule(), undisclosed).count == 1)
    }
}

@Suite struct ConferenceDialTests {
    private func diagnostics(_ dial: String) -> [Diagnostic] {
        RuleTesting.frontEndDiagnostics("flow f\n  number +1-800-555-0100\n  step main\n\(dial)\n")
    }

    @Test func aConferenceWithAnotherTargetIsAnError() throws {
        let found = diagnostics("    dial\n      conference standup\n      number +1-555-010-0200")
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message == "a `dial` that joins a conference cannot call anyone else")
        #expect(finding.span.start.line == 6)
        #expect(finding.notes.first?.span.start.line == 5)
    }

    @Test func aConferenceAloneAndNumbersTogetherAreFine() {
        #expect(diagnostics("    dial conference standup").isEmpty)
        #expect(diagnostics("    dial\n      number +1-555-010-0200\n      sip sip:desk@example.com").isEmpty)
    }
}
