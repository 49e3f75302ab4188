import IVRRuntime
import Testing

@Suite("Runtime: Say, Play, Pause, Hangup, Reject")
struct OutputVerbTests {
    @Test func outputVerbsRunInOrderAndTheDocumentEndHangsUp() throws {
        let program = try HandWrittenBundle.program([
            "main": "<Say voice=\"alice\">Hello &amp; welcome</Say><Play>https://a.example/x.mp3</Play><Pause length=\"2\"/>",
        ])
        #expect(HandWrittenBundle.call(program) == [
            .document(path: "f/main.xml", step: "main"),
            .say("Hello & welcome"),
            .play("https://a.example/x.mp3"),
            .pause(seconds: "2"),
            .hangup(.endOfDocument),
        ])
    }

    @Test func hangupStopsBeforeLaterVerbs() throws {
        let program = try HandWrittenBundle.program(["main": "<Hangup/><Say>never</Say>"])
        #expect(HandWrittenBundle.call(program).last == .hangup(.verb))
        #expect(!HandWrittenBundle.call(program).contains(.say("never")))
    }

    @Test func rejectEndsTheCallWithItsReason() throws {
        let program = try HandWrittenBundle.program(["main": "<Reject reason=\"busy\"/>"])
        #expect(HandWrittenBundle.call(program).last == .hangup(.reject("busy")))
    }

    @Test func enqueueHandsTheCallOff() throws {
        let program = try HandWrittenBundle.program(["main": "<Enqueue>support</Enqueue>"])
        #expect(HandWrittenBundle.call(program).last == .handedOff(verb: "Enqueue", target: "support"))
    }
}
