import Foundation
import IVRRuntime
import Testing
@testable import IVRLiveCall

/// What the Telnyx-like caller does without a server: form bodies, URL resolution, leaving
/// the origin, and a server that does not answer. The calls against a real `ivrc serve` are
/// in the server's tests.
@Suite struct LiveServerSourceTests {
    let source = LiveServerSource(webhook: URL(string: "http://127.0.0.1:1/texml")!, number: "+18005550157",
                                  signer: nil, callSid: "v3:test", timeout: 2)

    @Test func formBodyEscapesPlusAndSortsFields() {
        let body = FormBody.encode(["To": "+18005550157", "SpeechResult": "it's urgent & now", "A": "é"])
        #expect(String(decoding: body, as: UTF8.self)
            == "A=%C3%A9&SpeechResult=it%27s%20urgent%20%26%20now&To=%2B18005550157")
    }

    @Test func urlsResolveAgainstTheDocumentsOwnURL() {
        let route = "http://127.0.0.1:1/texml/b1/patient_intake/welcome.route"
        #expect(source.resolvedAddress("menu.route", from: route) == "http://127.0.0.1:1/texml/b1/patient_intake/menu.route")
        #expect(source.resolvedAddress("/texml/x.route", from: route) == "http://127.0.0.1:1/texml/x.route")
        // The trap the server must avoid: a relative URL in the entry document, fetched from the webhook.
        #expect(source.resolvedAddress("welcome.route", from: "http://127.0.0.1:1/texml") == "http://127.0.0.1:1/welcome.route")
    }

    @Test func anotherOriginLeavesTheFlow() {
        guard case .handedOff(let url) = source.request("https://hours.example.com/open", from: "http://127.0.0.1:1/texml", parameters: nil) else {
            Issue.record("an outside URL was requested")
            return
        }
        #expect(url == "https://hours.example.com/open")
    }

    @Test func aServerThatDoesNotAnswerStopsTheCall() {
        guard case .failed(.unreachable(let url, _)) = source.request("http://127.0.0.1:1/texml", from: nil, parameters: nil) else {
            Issue.record("expected an unreachable server")
            return
        }
        #expect(url == "http://127.0.0.1:1/texml")
    }

    @Test func theCallCarriesTelnyxsFields() {
        #expect(source.callFields["To"] == "+18005550157")
        #expect(source.callFields["CallSid"] == "v3:test")
        #expect(source.callFields["Direction"] == "inbound")
    }
}
