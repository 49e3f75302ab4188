import IVRBundle
import IVRRuntime
import Testing

@Suite("Runtime: Record")
struct RecordTests {
    @Test func theActionGetsTheRecording() throws {
        let program = try HandWrittenBundle.program([
            "main": "<Record action=\"main.route\" maxLength=\"30\"/>", "thanks": "<Say>thanks</Say><Hangup/>",
        ], routes: ["main": Route(kind: .record, next: "f/thanks.xml")])
        let transcript = HandWrittenBundle.call(program)
        #expect(transcript.contains(.record(source: "<Record>")))
        let request = transcript.first { if case .request = $0 { true } else { false } }
        guard case .request(let url, let parameters)? = request else {
            Issue.record("no action request in \(transcript)")
            return
        }
        #expect(url == "main.route")
        #expect(parameters["RecordingUrl"] != nil)
        #expect(transcript.contains(.say("thanks")))
    }

    @Test func aTranscribedRecordingSaysSoInTheTranscript() throws {
        let program = try HandWrittenBundle.program([
            "main": "<Record action=\"main.route\" transcription=\"true\"/>", "thanks": "<Hangup/>",
        ], routes: ["main": Route(kind: .record, next: "f/thanks.xml")])
        #expect(HandWrittenBundle.call(program).contains(.record(source: "<Record>, transcribed")))
    }

    @Test func aRecordingDoesNotSwallowKeysMeantForALaterMenu() throws {
        let program = try HandWrittenBundle.program([
            "main": "<Record action=\"main.route\"/>",
            "menu": "<Gather action=\"menu.route\"/>", "one": "<Say>one</Say>",
        ], routes: ["main": Route(kind: .record, next: "f/menu.xml"),
                    "menu": Route(kind: .menu, keys: ["1": "f/one.xml"])])
        #expect(HandWrittenBundle.call(program, [.press("1")]).contains(.say("one")))
    }

    @Test func withoutAnActionTheDocumentIsRequestedAgainAndLoops() throws {
        let program = try HandWrittenBundle.program(["main": "<Record/>"])
        #expect(HandWrittenBundle.call(program, stepLimit: 30).last == .stopped(.stepLimit(30)))
    }
}
