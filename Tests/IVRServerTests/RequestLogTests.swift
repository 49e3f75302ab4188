import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import IVRBundle
import IVRServer
import TeXMLEmit
import Testing

@Suite struct RequestLogTests {
    /// Healthcare lines carry PHI: what a caller typed or said, or a recording, never reaches the log.
    @Test func aRequestCarryingCallerInputLeavesNoTraceOfItInTheLog() async throws {
        let fixture = try ServerFixture()
        let bundle = fixture.server.store.current
        let flow = try #require(bundle.bundle.manifest.flows.first)
        let route = try #require(bundle.bundle.manifest.routes.keys.sorted().first { $0.hasPrefix(flow.name + "/") })
        let secrets = [("Digits", "4815162342"), ("SpeechResult", "my date of birth is March third"),
                       ("RecordingUrl", "https://recordings.test/secret-recording.wav")]
        let uri = "/texml/\(bundle.id)/" + route.replacingOccurrences(of: ".xml", with: ".route")
        for method in [HTTPRequest.Method.post, .get] {
            let insecure = try ServerFixture(signed: method == .post)
            let response = try await insecure.test { client in
                let fields = ServerFixture.firstRequest(to: flow.number) + secrets
                if method == .get { return try await client.execute(uri: uri + "?" + ServerFixture.form(fields), method: .get) }
                return try await ServerFixture.post(client, uri, fields)
            }
            #expect(response.status == .ok)
            let log = insecure.log.text
            #expect(insecure.log.entries.count == 1)
            for (_, secret) in secrets {
                #expect(!log.contains(secret), "\(method)")
                #expect(!log.contains(ServerFixture.form([("x", secret)]).dropFirst(2)), "\(method)")
            }
            #expect(!log.contains("4815162342"))
        }
    }

    /// A value the caller typed is carried in the URL (sealed) and filled into the next
    /// document; neither it nor the URL's query reaches the log.
    @Test func aCarriedValueLeavesNoTraceOfItselfOrItsTokenInTheLog() async throws {
        let values = try CarriedValuesTests()
        let typed = "4815"
        let action = try await values.test { client in
            let entry = String(buffer: try await CarriedValuesTests.post(client, "/texml", CarriedValuesTests.call).body)
            let action = try CarriedValuesTests.action(in: entry)
            let connect = try await CarriedValuesTests.post(client, action, CarriedValuesTests.call + [("Digits", typed)])
            #expect(String(buffer: connect.body).contains("extension \(typed)"))
            return action
        }
        let token = try #require(CallValues.carriedToken(in: action))
        #expect(values.log.entries.count == 2)
        for secret in [typed, token, "+15550100123", "v="] { #expect(!values.log.text.contains(secret)) }
    }

    @Test func everyRequestLogsOneJSONLineWithCallFlowDocumentStatusAndLatency() async throws {
        let fixture = try ServerFixture()
        let flow = try #require(fixture.server.store.current.bundle.manifest.flows.first)
        let response = try await fixture.test { client in
            try await ServerFixture.post(client, "/texml", ServerFixture.firstRequest(to: flow.number))
        }
        #expect(response.headers[HTTPField.Name("X-IVRC-Document")!] == flow.entry)
        let entry = try #require(fixture.log.entries.first)
        #expect(fixture.log.text.split(separator: "\n").count == 1)
        #expect(entry["call_sid"] as? String == "v3:call-1")
        #expect(entry["flow"] as? String == flow.name)
        #expect(entry["document"] as? String == flow.entry)
        #expect(entry["status"] as? Int == 200)
        #expect(entry["kind"] as? String == "entry")
        #expect(entry["latency_ms"] is Double || entry["latency_ms"] is Int)
        // Keys in sorted order on every line, as documented; numbers as JSON numbers.
        let line = fixture.log.text
        let offsets = entry.keys.sorted().compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
        #expect(offsets.count == entry.count && offsets == offsets.sorted(), "\(line)")
        #expect(line.contains("\"status\":200,"), "\(line)")
    }
}
