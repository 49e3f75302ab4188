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
