import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import IVRServer
import Testing

@Suite struct SignatureTests {
    static func entryBody(_ fixture: ServerFixture) throws -> String {
        let number = try #require(fixture.server.store.current.bundle.manifest.flows.first?.number)
        return ServerFixture.form(ServerFixture.firstRequest(to: number))
    }

    @Test func aSignedRequestIsAnswered() async throws {
        let fixture = try ServerFixture()
        let body = try Self.entryBody(fixture)
        let response = try await fixture.test { client in
            try await client.execute(uri: "/texml", method: .post, headers: ServerFixture.signature(for: body), body: ByteBuffer(string: body))
        }
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("application/xml") == true)
    }

    @Test(arguments: ["forged", "stale", "missing", "malformed"])
    func aBadSignatureIsRefusedWithoutTeXML(kind: String) async throws {
        let fixture = try ServerFixture()
        let body = try Self.entryBody(fixture)
        var headers = try ServerFixture.signature(for: body)
        switch kind {
        case "forged": headers = try ServerFixture.signature(for: body + "&Digits=9")
        case "stale": headers = try ServerFixture.signature(for: body, timestamp: String(Int(Date().timeIntervalSince1970) - 301))
        case "missing": headers[HTTPField.Name("telnyx-signature-ed25519")!] = nil
        default: headers[HTTPField.Name("telnyx-signature-ed25519")!] = "not base64!"
        }
        let (response, metrics) = try await fixture.test { [headers] client in
            let response = try await client.execute(uri: "/texml", method: .post, headers: headers, body: ByteBuffer(string: body))
            return (response, fixture.server.metricsText)
        }
        #expect(response.status == .forbidden)
        #expect(!String(buffer: response.body).contains("<"))
        #expect(metrics.contains(#"ivrc_signature_rejections_total{reason="\#(kind)"} 1"#))
        let line = try #require(fixture.log.entries.first { $0["refusal"] as? String == "signature-\(kind)" })
        #expect(line["status"] as? Int == 403)
        #expect(!fixture.log.text.contains("From"))
        #expect(!fixture.log.text.contains("15550100123"))
    }

    @Test func getIsRefusedWhileSignaturesAreOnAndAnsweredWhenOff() async throws {
        let signed = try ServerFixture()
        let query = try Self.entryBody(signed)
        let refused = try await signed.test { client in try await client.execute(uri: "/texml?" + query, method: .get) }
        #expect(refused.status != .ok)
        let insecure = try ServerFixture(signed: false)
        let answered = try await insecure.test { client in try await client.execute(uri: "/texml?" + query, method: .get) }
        #expect(answered.status == .ok)
    }

    @Test func insecureModeIsVisibleInMetrics() async throws {
        for signed in [true, false] {
            let fixture = try ServerFixture(signed: signed)
            let metrics = try await fixture.test { client in fixture.server.metricsText }
            #expect(metrics.contains("ivrc_signatures_disabled \(signed ? 0 : 1)"))
        }
    }
}
