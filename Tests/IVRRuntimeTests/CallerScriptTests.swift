import IVRRuntime
import Testing

@Suite("Caller scripts")
struct CallerScriptTests {
    @Test func eventsParseOnePerLine() throws {
        let events = try CallerScript.parse("""
            # a caller
            press 9
            press "#"
            speak "billing please"
            silence
            no-answer
            answer   # the nurse picks up
            hang-up
            """)
        #expect(events == [.press("9"), .press("#"), .speak("billing please"), .silence, .noAnswer, .answer, .hangUp])
    }

    /// The answer of a lookup, as a test block writes it (the error for a mismatch suggests it).
    @Test func respondLinesParse() throws {
        let events = try CallerScript.parse("respond with status=\"active\" name=\"Ana \\\"Mari\\\" Ruiz\"\nrespond failed")
        #expect(events == [.respond(["status": "active", "name": "Ana \"Mari\" Ruiz"]), .lookupFailed])
        for bad in ["respond", "respond with status", "respond with status=active", "respond failed now"] {
            #expect(throws: CallerScript.Failure.self, "\(bad)") { try CallerScript.parse(bad) }
        }
    }

    @Test func mistakesNameTheLine() {
        #expect(throws: CallerScript.Failure.self) { try CallerScript.parse("press 9\npres 1") }
        do {
            _ = try CallerScript.parse("press 9\npres 1")
        } catch {
            #expect("\(error)".hasPrefix("line 2:"))
        }
    }

    @Test func pressListsSplitOnCommas() throws {
        #expect(try CallerScript.parsePresses("1,9, 12#") == [.press("1"), .press("9"), .press("12#")])
        #expect(throws: CallerScript.Failure.self) { try CallerScript.parsePresses("1,x") }
    }
}
