import Foundation
import IVRLang
import TeXMLImport
import Testing

/// The checks `validate` runs on raw TeXML, each with a document that is reported and one that is not.
@Suite struct ValidationRuleTests {
    static func validate(_ xml: String, number: String? = nil) -> [Diagnostic] {
        TeXMLValidation(number: number).validate([TeXMLFile(path: "doc.xml", data: Data(xml.utf8))]).diagnostics
    }

    static func validate(_ documents: [(String, String)]) -> [Diagnostic] {
        TeXMLValidation().validate(documents.map { TeXMLFile(path: $0.0, data: Data($0.1.utf8)) }).diagnostics
    }

    @Test func twimlOnlyVerbsAndAttributes() {
        let found = Self.validate("""
            <Response>
              <Pay/>
              <Gather action="next.xml" enhanced="true"><Say>Press 1.</Say></Gather>
            </Response>
            """)
        #expect(found.contains { $0.id == "twiml-only" && $0.span.start.line == 2 && $0.message.contains("<Pay>") })
        #expect(found.contains { $0.id == "twiml-only" && $0.span.start.line == 3 && $0.message.contains("`useEnhanced`") })
        #expect(found.allSatisfy { $0.id == "twiml-only" }, "\(found)")
        #expect(Self.validate("<Response><Say>This call is recorded.</Say><Record action=\"next.xml\" transcription=\"true\"/></Response>").isEmpty)
    }

    @Test func waitURLThatResolvesNowhereIsReported() {
        let found = Self.validate("<Response>\n<Enqueue waitUrl=\"hold_music\">dispatchers</Enqueue>\n</Response>")
        #expect(found.map(\.id) == ["unresolved-wait-url"])
        #expect(found.first?.span.start.line == 2)
        #expect(Self.validate("<Response><Enqueue waitUrl=\"https://example.com/hold.xml\">q</Enqueue></Response>").isEmpty)
        #expect(Self.validate([
            ("q/start.xml", "<Response><Enqueue waitUrl=\"hold_music.xml\">q</Enqueue></Response>"),
            ("q/hold_music.xml", "<Response><Play>https://example.com/hold.mp3</Play></Response>"),
        ]).isEmpty)
    }

    @Test func actionlessGatherLoops() {
        let found = Self.validate("<Response>\n<Gather><Say>Press 1.</Say></Gather>\n</Response>")
        #expect(found.map(\.id) == ["missing-action"])
        #expect(found.first?.span.start == SourcePosition(line: 2, column: 1, offset: 11))
        #expect(Self.validate("<Response><Gather action=\"menu.xml\"><Say>Press 1.</Say></Gather></Response>").isEmpty)
    }

    @Test func loopbackThroughSIPReferAndTel() {
        let xml = """
            <Response>
              <Dial><Sip>sip:+1-800-555-0157@carrier.example.com</Sip></Dial>
              <Refer><Sip>sip:18005550157@pbx.example.com</Sip></Refer>
              <Redirect>tel:+18005550157</Redirect>
            </Response>
            """
        let found = Self.validate(xml, number: "+1-800-555-0157").filter { $0.id == "dial-loopback" }
        #expect(found.map(\.span.start.line) == [2, 3, 4])
        #expect(Self.validate(xml, number: "+15550100200").filter { $0.id == "dial-loopback" }.isEmpty)
    }

    @Test func dialRecordingNeedsDisclosureFirst() {
        let late = Self.validate("""
            <Response>
              <Dial record="record-from-answer"><Number>+15550100200</Number></Dial>
              <Say>This call is recorded.</Say>
            </Response>
            """)
        #expect(late.map(\.id) == ["recording-disclosure"])
        let early = Self.validate("""
            <Response>
              <Say>This call is recorded.</Say>
              <Dial record="record-from-answer"><Number>+15550100200</Number></Dial>
            </Response>
            """)
        #expect(early.isEmpty)
    }

    @Test func disclosureCarriesAcrossLinkedDocuments() {
        let record = "<Response><Record action=\"done.xml\"/></Response>"
        let done = "<Response><Hangup/></Response>"
        let disclosed = Self.validate([
            ("flow/start.xml", "<Response><Say>Calls are recorded.</Say><Redirect>record.xml</Redirect></Response>"),
            ("flow/record.xml", record), ("flow/done.xml", done),
        ])
        #expect(disclosed.isEmpty, "\(disclosed)")
        // A second way in that skips the disclosure makes the recording undisclosed.
        let bypassed = Self.validate([
            ("flow/start.xml", """
                <Response><Gather action="record.xml"><Say>Press any key.</Say></Gather>
                <Say>Calls are recorded.</Say><Redirect>record.xml</Redirect></Response>
                """),
            ("flow/record.xml", record), ("flow/done.xml", done),
        ])
        #expect(bypassed.map(\.id) == ["recording-disclosure"], "\(bypassed)")
        #expect(bypassed.first?.span.file == "flow/record.xml")
    }
}
