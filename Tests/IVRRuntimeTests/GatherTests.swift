import IVRBundle
import IVRRuntime
import Testing

@Suite("Runtime: Gather")
struct GatherTests {
    static let menu = Route(kind: .menu, keys: ["1": "f/one.xml", "12": "f/twelve.xml"],
                            speech: ["billing": "f/one.xml"], invalid: "f/bad.xml", timeout: "f/quiet.xml")

    func program(_ gather: String) throws -> CallProgram {
        try HandWrittenBundle.program([
            "main": "\(gather)<Say>no input</Say><Redirect>quiet.xml</Redirect>",
            "one": "<Say>one</Say><Hangup/>", "twelve": "<Say>twelve</Say><Hangup/>",
            "bad": "<Say>bad</Say><Hangup/>", "quiet": "<Say>quiet</Say><Hangup/>",
        ], routes: ["main": Self.menu])
    }

    @Test func promptsPlayThenKeysAreSentAsDigits() throws {
        let transcript = HandWrittenBundle.call(
            try program("<Gather action=\"main.route\" numDigits=\"1\"><Say>Press 1</Say></Gather>"), [.press("1")])
        #expect(Array(transcript.prefix(3)) == [
            .document(path: "f/main.xml", step: "main"), .say("Press 1"),
            .gather(GatherRequest(acceptsDigits: true, acceptsSpeech: false, numDigits: 1, finishOnKey: "#", timeout: "5")),
        ])
        #expect(transcript.contains(.request(url: "main.route", parameters: ["Digits": "1"])))
        #expect(transcript.contains(.say("one")))
    }

    @Test func numDigitsCutsTheKeysAndFinishOnKeyEndsThem() throws {
        let cut = HandWrittenBundle.call(try program("<Gather action=\"main.route\" numDigits=\"1\"/>"), [.press("12")])
        #expect(cut.contains(.say("one")))
        let finished = HandWrittenBundle.call(try program("<Gather action=\"main.route\"/>"), [.press("12#9")])
        #expect(finished.contains(.request(url: "main.route", parameters: ["Digits": "12"])))
        #expect(finished.contains(.say("twelve")))
    }

    @Test func unknownKeysTakeTheInvalidRoute() throws {
        let transcript = HandWrittenBundle.call(try program("<Gather action=\"main.route\"/>"), [.press("7")])
        #expect(transcript.contains(.say("bad")))
    }

    @Test func silenceFallsThroughToTheNextVerb() throws {
        let transcript = HandWrittenBundle.call(try program("<Gather action=\"main.route\"/>"), [.silence])
        #expect(transcript.contains(.say("no input")))
        #expect(transcript.contains(.redirect(url: "quiet.xml")))
        #expect(transcript.last == .hangup(.verb))
        #expect(!transcript.contains { if case .request = $0 { true } else { false } })
    }

    @Test func speechNeedsSpeechInput() throws {
        let heard = HandWrittenBundle.call(try program("<Gather action=\"main.route\" input=\"dtmf speech\"/>"), [.speak("Billing please")])
        #expect(heard.contains(.say("one")))
        let ignored = HandWrittenBundle.call(try program("<Gather action=\"main.route\"/>"), [.speak("billing")])
        #expect(ignored.contains(.say("no input")))
    }

    @Test func aDialOutcomeAtAGatherIsAScriptMismatch() throws {
        let transcript = HandWrittenBundle.call(try program("<Gather action=\"main.route\"/>"), [.answer])
        guard case .stopped(.scriptMismatch(_, let got))? = transcript.last else {
            Issue.record("expected a mismatch, got \(transcript)")
            return
        }
        #expect(got == .answer)
    }

    @Test func anEmptyScriptStopsAtTheGather() throws {
        let transcript = HandWrittenBundle.call(try program("<Gather action=\"main.route\"/>"))
        #expect(transcript.last == .stopped(.scriptEnded))
    }

    @Test func callerHangUpEndsTheCall() throws {
        let transcript = HandWrittenBundle.call(try program("<Gather action=\"main.route\"/>"), [.hangUp])
        #expect(transcript.last == .hangup(.caller))
    }
}
