import IVRBundle
import IVRRuntime
import Testing

@Suite("Runtime: Dial")
struct DialTests {
    func program(_ dial: String) throws -> CallProgram {
        try HandWrittenBundle.program([
            "main": "\(dial)<Say>after the dial</Say>",
            "fallback": "<Say>fallback</Say><Hangup/>", "done": "<Hangup/>",
        ], routes: ["main": Route(kind: .dial, next: "f/fallback.xml", answered: "f/done.xml")])
    }

    static let targets = [DialedTarget(noun: "Number", value: "+15550100911"), DialedTarget(noun: "Sip", value: "sip:a@b.example")]

    @Test func withAnActionTheStatusIsRequested() throws {
        let dial = "<Dial action=\"main.route\"><Number>+15550100911</Number><Sip>sip:a@b.example</Sip></Dial>"
        let unanswered = HandWrittenBundle.call(try program(dial), [.noAnswer])
        #expect(unanswered.contains(.dial(targets: Self.targets)))
        #expect(unanswered.contains(.request(url: "main.route", parameters: ["DialCallStatus": "no-answer"])))
        #expect(unanswered.contains(.say("fallback")))
        let busy = HandWrittenBundle.call(try program(dial), [.busy])
        #expect(busy.contains(.say("fallback")))
        let answered = HandWrittenBundle.call(try program(dial), [.answer])
        #expect(answered.contains(.request(url: "main.route", parameters: ["DialCallStatus": "completed"])))
        #expect(answered.contains(.document(path: "f/done.xml", step: "done")))
        #expect(!answered.contains(.say("after the dial")))
    }

    @Test func withoutAnActionTheNextVerbRuns() throws {
        for outcome in [CallerEvent.answer, .noAnswer, .failed] {
            let transcript = HandWrittenBundle.call(try program("<Dial><Number>+15550100911</Number></Dial>"), [outcome])
            #expect(transcript.contains(.say("after the dial")))
            #expect(transcript.last == .hangup(.endOfDocument))
        }
    }

    @Test func recordingFromAnswerStartsOnlyWhenAnswered() throws {
        let dial = "<Dial record=\"record-from-answer\"><Number>+15550100911</Number></Dial>"
        #expect(HandWrittenBundle.call(try program(dial), [.answer]).contains(.record(source: "<Dial record=record-from-answer>")))
        #expect(!HandWrittenBundle.call(try program(dial), [.noAnswer]).contains { if case .record = $0 { true } else { false } })
    }

    @Test func keysAtADialAreAScriptMismatch() throws {
        let transcript = HandWrittenBundle.call(try program("<Dial><Number>+15550100911</Number></Dial>"), [.press("1")])
        guard case .stopped(.scriptMismatch)? = transcript.last else {
            Issue.record("expected a mismatch, got \(transcript)")
            return
        }
    }
}
