import IVRBundle
import IVRRuntime
import Testing

@Suite("Runtime: Redirect and URL resolution")
struct RedirectTests {
    @Test func relativeAndAbsoluteURLsMapToBundleDocuments() throws {
        let program = try HandWrittenBundle.program([
            "main": "<Redirect>next.xml</Redirect>",
            "next": "<Redirect>https://ivr.example.com/texml/f/last.xml</Redirect>",
            "last": "<Say>last</Say>",
        ], baseURLs: ["https://ivr.example.com/texml/"])
        let documents = HandWrittenBundle.call(program).compactMap { if case .document(let path, _) = $0 { path } else { nil } }
        #expect(documents == ["f/main.xml", "f/next.xml", "f/last.xml"])
    }

    @Test func withoutKnownBaseURLsTheLastTwoSegmentsAreTried() throws {
        let program = try HandWrittenBundle.program([
            "main": "<Redirect>https://ivr.example.com/f/last.xml</Redirect>", "last": "<Say>last</Say>",
        ])
        #expect(HandWrittenBundle.call(program).contains(.say("last")))
    }

    @Test func anExternalURLEndsTheSimulation() throws {
        let program = try HandWrittenBundle.program(["main": "<Redirect>https://other.example.com/app.xml</Redirect>"],
                                                    baseURLs: ["https://ivr.example.com"])
        #expect(HandWrittenBundle.call(program).last == .handedOff(verb: "Redirect", target: "https://other.example.com/app.xml"))
    }

    /// Resolved by RFC 3986 as Telnyx does: a URL with its own scheme is never a bundle path.
    @Test(arguments: ["tel:+15550100200", "sip:desk@pbx.example.com"])
    func aTelOrSipURLIsExternal(url: String) throws {
        let program = try HandWrittenBundle.program(["main": "<Redirect>\(url)</Redirect>"])
        #expect(HandWrittenBundle.call(program).last == .handedOff(verb: "Redirect", target: url))
    }

    @Test func aMissingDocumentOrRouteStops() throws {
        let missing = try HandWrittenBundle.program(["main": "<Redirect>gone.xml</Redirect>"])
        #expect(HandWrittenBundle.call(missing).last == .stopped(.missingDocument("f/gone.xml")))
        let noRoute = try HandWrittenBundle.program(["main": "<Gather action=\"main.route\"/>"])
        #expect(HandWrittenBundle.call(noRoute, [.press("1")]).last == .stopped(.noRoute("main.route")))
    }

    @Test func aRedirectLoopHitsTheStepLimit() throws {
        let program = try HandWrittenBundle.program([
            "main": "<Redirect>ping.xml</Redirect>", "ping": "<Redirect>main.xml</Redirect>",
        ])
        #expect(HandWrittenBundle.call(program, stepLimit: 50).last == .stopped(.stepLimit(50)))
    }

    @Test func documentsMapBackToSteps() {
        #expect(DocumentStep.step(of: "flow/welcome.xml") == "welcome")
        #expect(DocumentStep.step(of: "flow/welcome.part3.xml") == "welcome")
        #expect(DocumentStep.step(of: "flow/appointments.invalid.xml") == "appointments.invalid")
        #expect(DocumentStep.step(of: "flow/appointments.9.part2.xml") == "appointments.9")
        #expect(DocumentStep.step(of: "flow/hangup.call.xml") == nil)
        #expect(DocumentStep.step(of: "flow/welcome.es-MX.xml") == "welcome")
        #expect(DocumentStep.language(of: "flow/welcome.es-MX.part2.xml") == "es-MX")
        #expect(DocumentStep.language(of: "flow/appointments.9.xml") == nil)
        #expect(DocumentStep.stepEntered(by: "flow/welcome.es-MX.xml") == "welcome")
        #expect(DocumentStep.stepEntered(by: "flow/welcome.part2.xml") == nil)
        #expect(DocumentStep.step(of: "flow/welcome.es-MX.part2.xml") == "welcome")
        #expect(DocumentStep.step(of: "flow/welcome.9.es-MX.xml") == "welcome.9")
    }
}
