import Foundation
import Hummingbird
import HummingbirdTesting
import IVRServer
import Testing

/// Hostile and mistaken requests: each gets a 4xx with a log line, never a 500 or a file read.
@Suite struct BadRequestTests {
    @Test func anUnknownNumberIs404WithAMetricAndALogLine() async throws {
        let fixture = try ServerFixture()
        let (response, metrics) = try await fixture.test { client in
            let response = try await ServerFixture.post(client, "/texml", ServerFixture.firstRequest(to: "+1 555 000 0000"))
            return (response, fixture.server.metricsText)
        }
        #expect(response.status == .notFound)
        #expect(metrics.contains("ivrc_unknown_numbers_total 1"))
        #expect(fixture.log.entries.contains { $0["refusal"] as? String == "unknown-number" && $0["status"] as? Int == 404 })
    }

    @Test func theUnknownNumberStatusIsConfigurable() async throws {
        let fixture = try ServerFixture { $0.unknownNumberStatus = 503 }
        let response = try await fixture.test { client in
            try await ServerFixture.post(client, "/texml", ServerFixture.firstRequest(to: "+15550000000"))
        }
        #expect(response.status == .serviceUnavailable)
    }

    @Test func aTenMegabyteBodyIsRefused() async throws {
        let fixture = try ServerFixture()
        let body = "To=" + String(repeating: "1", count: 10 * 1024 * 1024)
        let response = try await fixture.test { client in
            try await client.execute(uri: "/texml", method: .post, headers: ServerFixture.signature(for: body), body: ByteBuffer(string: body))
        }
        #expect(response.status == .contentTooLarge)
    }

    @Test(arguments: ["To=%ZZ", "To[=1", "To=1&To=2", "To=%"])
    func brokenFormEncodingIs400(body: String) async throws {
        let fixture = try ServerFixture()
        let response = try await fixture.test { client in
            try await client.execute(uri: "/texml", method: .post, headers: ServerFixture.signature(for: body), body: ByteBuffer(string: body))
        }
        #expect(response.status == .badRequest, "\(body)")
    }

    /// Bytes that are not UTF-8 are told as such, in a form that is broken anyway too.
    @Test func aBodyThatIsNotUTF8Is400SayingSo() async throws {
        let fixture = try ServerFixture(signed: false)
        let body = ByteBuffer(bytes: Array("To=%ZZ&From=".utf8) + [0xFF])
        let response = try await fixture.test { client in try await client.execute(uri: "/texml", method: .post, body: body) }
        #expect(response.status == .badRequest)
        #expect(String(buffer: response.body).contains("request body is not UTF-8 text"), "\(String(buffer: response.body))")
    }

    @Test func unknownFlowsDocumentsRoutesAndBundlesAre404() async throws {
        let fixture = try ServerFixture()
        let bundle = fixture.server.store.current
        let flow = try #require(bundle.bundle.manifest.flows.first)
        let folder = flow.entry.split(separator: "/")[0]
        let documentWithoutRoute = try #require(bundle.bundle.manifest.documents.keys.sorted().first { bundle.bundle.manifest.routes[$0] == nil })
        let uris = [
            "/texml/\(bundle.id)/no_such_flow/welcome.route",
            "/texml/\(bundle.id)/\(folder)/no_such_document.xml",
            "/texml/\(bundle.id)/\(folder)/no_such_step.route",
            "/texml/\(bundle.id)/" + documentWithoutRoute.replacingOccurrences(of: ".xml", with: ".route"),
            "/texml/0123456789ab/\(flow.entry)",
            "/texml/\(bundle.id)/manifest.json",
            "/texml/\(bundle.id)",
            "/nothing/here",
        ]
        let (statuses, metrics) = try await fixture.test { client in
            var statuses: [HTTPResponse.Status] = []
            for uri in uris { statuses.append(try await ServerFixture.post(client, uri, [("CallSid", "v3:x")]).status) }
            return (statuses, fixture.server.metricsText)
        }
        for (uri, status) in zip(uris, statuses) { #expect(status == .notFound, "\(uri)") }
        #expect(metrics.contains("ivrc_unknown_bundle_requests_total 1"))
        #expect(fixture.log.entries.contains { $0["refusal"] as? String == "unknown-bundle" })
        #expect(fixture.log.entries.contains { $0["refusal"] as? String == "unknown-route" })
    }

    @Test func pathsClimbingOutOfTheBundleReachNothing() async throws {
        let fixture = try ServerFixture()
        let id = fixture.server.store.current.id
        let uris = [
            "/texml/\(id)/../../../etc/passwd", "/texml/\(id)/%2e%2e/%2e%2e/etc/passwd", "/texml/\(id)/%2E%2E/manifest.json",
            "/texml/\(id)/dental_office/..%2f..%2fmanifest.json", "/texml/../etc/passwd", "/texml/%2e%2e/%2e%2e/etc/hostname",
        ]
        let responses = try await fixture.test { client in
            var responses: [TestResponse] = []
            for uri in uris { responses.append(try await ServerFixture.post(client, uri, [])) }
            return responses
        }
        for (uri, response) in zip(uris, responses) {
            #expect(response.status == .notFound || response.status == .badRequest, "\(uri): \(response.status)")
            #expect(!String(buffer: response.body).contains("root:"), "\(uri)")
        }
    }
}
