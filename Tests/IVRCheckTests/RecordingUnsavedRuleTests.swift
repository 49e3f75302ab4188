import IVRCheck
import IVRLang
import Testing

@Suite struct RecordingUnsavedRuleTests {
    let rule = RecordingUnsavedRule()

    private func findings(_ settings: String = "", _ body: String) -> [Diagnostic] {
        RuleTesting.findings(rule, "flow f\n  number +1-800-555-0100\n\(settings)  step main\n    disclose \"Recorded.\"\n\(body)")
    }

    @Test func everyKindOfRecordingWithoutADestinationIsReported() {
        let found = findings("", """
                start
                  recording
                dial +1-555-010-0200 record=record-from-ringing-dual -> next
              step next
                record max=60s
            """)
        #expect(found.map(\.span.start.line) == [5, 7, 9])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.first?.help?.contains("recording-status-callback https://") == true)
    }

    @Test func theFlowSettingDeliversEveryRecording() {
        #expect(findings("  recording-status-callback https://records.example.com/x\n", "    record max=60s\n").isEmpty)
    }

    @Test func recordingsServedByIvrcServeAreDelivered() {
        #expect(findings("  recording-status-callback serve\n", "    record max=60s\n").isEmpty)
        #expect(findings("", "    record max=60s recording-status-callback=serve\n").isEmpty)
    }

    @Test func dialsThatDoNotRecordAndStreamsMakeNoRecording() {
        #expect(findings("", """
                start
                  stream url=wss://media.example.com/live
                dial +1-555-010-0200 record=do-not-record
            """).isEmpty)
    }

    @Test func startRecordingWithItsOwnCallbackIsFine() {
        #expect(findings("", "    start\n      recording recording-status-callback=https://records.example.com/x\n").isEmpty)
    }
}

@Suite struct FlowSettingTests {
    @Test func recordingCallbackMustBeAURL() {
        let found = RuleTesting.frontEndDiagnostics("flow f\n  number +1-800-555-0100\n  recording-status-callback records\n  step s\n    hangup\n")
        #expect(found.map(\.id) == ["invalid-setting"])
        #expect(found.first?.help == "write it as `recording-status-callback https://records.example.com/telnyx`")
    }

    /// Written on every <Say>: a value the schema refuses used to pass the check and fail
    /// the compile with an internal compiler error.
    @Test(arguments: ["language e-US", "voice bob"])
    func voiceAndLanguageAreCheckedAgainstTheSchema(_ setting: String) {
        let found = RuleTesting.frontEndDiagnostics("flow f\n  number +1-800-555-0100\n  \(setting)\n  step s\n    say \"Hi.\"\n")
        #expect(found.map(\.id) == ["invalid-setting"], "\(RuleTesting.describe(found))")
    }
}
