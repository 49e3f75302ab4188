import Foundation
import IVRCheck
import IVRLang
import TeXMLImport
import Testing

/// Importing hand-written TeXML (no bundle manifest): links between the given files, actions
/// leaving them, and what the language has no form for.
@Suite struct ImporterTests {
    static func importing(_ documents: [(String, String)], number: String? = "+15550100100") -> TeXMLImporter.Result {
        TeXMLImporter.importFlow(documents.map { TeXMLFile(path: $0.0, data: Data($0.1.utf8)) },
                                 options: .init(number: number, flowName: "line"))
    }

    @Test func linkedDocumentsBecomeSteps() {
        let result = Self.importing([
            ("ivr/main.xml", """
                <Response>
                  <Say voice="Polly.Joanna">Hello &amp; "welcome".</Say>
                  <Gather action="choice.xml" numDigits="1" timeout="7"><Say voice="Polly.Joanna">Press a key.</Say></Gather>
                  <Redirect>./main.xml</Redirect>
                </Response>
                """),
            ("ivr/choice.xml", "<Response><Dial action=\"https://crm.example.com/after\"><Number>+15550100200</Number></Dial></Response>"),
        ])
        let source = result.source
        #expect(source.contains("  voice \"Polly.Joanna\"\n"))
        #expect(source.contains(#"say "Hello & \"welcome\".""#))
        #expect(source.contains("gather digits num-digits=1 timeout=7s -> choice\n      say \"Press a key.\""))
        #expect(source.contains("dial +15550100200 -> external_1"))
        #expect(source.contains("step external_1\n    redirect https://crm.example.com/after"))
        // What TeXML does without input (the redirect after the gather) is the gather's `on timeout`.
        #expect(source.contains("say \"Press a key.\"\n      on timeout -> main"), "\(source)")
        #expect(!result.diagnostics.contains { $0.id == "import-lossy" && $0.span.file == "ivr/main.xml" })
        let checked = Checker.check([SourceFile(path: "line.ivr", text: source)])
        #expect(!checked.hasErrors, "\(checked.diagnostics)\n\(source)")
    }

    /// `..` above the root stops at it (RFC 3986 §5.2.4), as Telnyx resolves the URL.
    @Test func dotDotAboveTheRootStopsAtTheRoot() {
        let result = Self.importing([
            ("main.xml", "<Response><Redirect>../../next.xml</Redirect></Response>"),
            ("next.xml", "<Response><Say>next</Say></Response>"),
        ])
        #expect(result.source.contains("step main\n    goto next\n"), "\(result.source)")
    }

    @Test func enqueueActionAndHoldMusicBecomeSteps() {
        let result = Self.importing([
            ("q/start.xml", "<Response><Enqueue action=\"after.xml\" waitUrl=\"hold.xml\">support</Enqueue></Response>"),
            ("q/after.xml", "<Response><Say>Thanks for waiting.</Say><Hangup/></Response>"),
            ("q/hold.xml", "<Response><Play>https://example.com/hold.mp3</Play></Response>"),
        ])
        #expect(result.source.contains("enqueue support wait-url=hold -> after\n"), "\(result.source)")
        let checked = Checker.check([SourceFile(path: "line.ivr", text: result.source)])
        #expect(!checked.hasErrors, "\(checked.diagnostics)\n\(result.source)")
    }

    /// `<Start>`/`<Stop>` have no sugar: they are written by their kebab-case names with the
    /// elements they hold as an indented block.
    @Test func verbsAreWrittenWithTheirOptions() {
        let source = Self.importing([("a.xml", """
            <Response>
              <Start><Stream url="wss://media.example.com"/></Start>
              <Enqueue waitUrl="https://hold.example.com/music.xml">support</Enqueue>
              <Leave/>
              <Pause length="2"/>
              <Reject reason="busy"/>
            </Response>
            """)]).source
        #expect(source.contains("    start\n      stream url=\"wss://media.example.com\"\n"))
        #expect(source.contains("    enqueue support wait-url=\"https://hold.example.com/music.xml\"\n    leave\n"))
        #expect(source.contains("    pause 2s\n"))
        #expect(source.contains("    reject reason=busy\n"))
    }

    @Test func twimlOnlyPartsBecomeComments() {
        let result = Self.importing([("a.xml", """
            <Response>
              <Record action="b.xml" transcribeCallback="https://x.example.com/t" ringTone="us"/>
            </Response>
            """), ("b.xml", "<Response><Pay/><Hangup/></Response>")])
        #expect(result.source.contains("record transcription-callback=\"https://x.example.com/t\" -> b"))
        #expect(result.source.contains("# dropped ringTone=\"us\""))
        #expect(result.source.contains("# not imported: <Pay> is TwiML-only"))
        #expect(Parser.parse(SourceFile(path: "a.ivr", text: result.source)).diagnostics.isEmpty)
    }

    @Test func missingNumberIsSaidPlainly() {
        let result = Self.importing([("a.xml", "<Response><Hangup/></Response>")], number: nil)
        #expect(result.source.contains("# number: unknown"))
        #expect(result.diagnostics.contains { $0.message.contains("--number") })
    }

    /// Text survives the trip through the language's string escapes exactly.
    @Test(arguments: ["plain", "quote \" and \\ backslash", "line\nbreak\ttab", "emoji 😀 and é", "{{From}} placeholder", "  spaced  "])
    func textRoundTripsThroughEscapes(text: String) throws {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let source = Self.importing([("a.xml", "<Response><Say>\(escaped)</Say></Response>")]).source
        let checked = Checker.check([SourceFile(path: "a.ivr", text: source)])
        let action = try #require(checked.graph.flows.first?.steps.first?.actions.first)
        guard case .say(let said, _, _, _) = action.kind else { Issue.record("not a say: \(source)"); return }
        #expect(said == text)
    }
}
