import Foundation
import Hummingbird
import HummingbirdTesting
import IVRServer
import Testing

@Suite struct OperationsTests {
    @Test func healthReadinessAndMetricsAnswer() async throws {
        let fixture = try ServerFixture()
        let bundle = fixture.server.store.current
        let flow = try #require(bundle.bundle.manifest.flows.first)
        _ = try await fixture.test { client in try await ServerFixture.post(client, "/texml", ServerFixture.firstRequest(to: flow.number)) }
        let (health, ready, metrics) = try await Application(router: fixture.server.operationsRouter()).test(.router) { client in
            (try await client.execute(uri: "/healthz", method: .get),
                    try await client.execute(uri: "/readyz", method: .get),
                    String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
        }
        #expect(health.status == .ok)
        let readiness = try #require(try JSONSerialization.jsonObject(with: Data(ready.body.readableBytesView)) as? [String: Any])
        #expect(readiness["bundle"] as? String == bundle.id)
        #expect(readiness["manifest_sha256"] as? String == bundle.manifestHash)
        #expect(readiness["compiler_version"] as? String == "test")
        #expect(readiness["loaded_at"] is String)
        #expect(metrics.contains(#"ivrc_calls_started_total{flow="\#(flow.name)"} 1"#))
        #expect(metrics.contains(#"ivrc_requests_total{flow="\#(flow.name)",kind="entry",status="200"} 1"#))
        #expect(metrics.contains("ivrc_request_duration_seconds_bucket"))
        #expect(metrics.contains(#"ivrc_bundle_info{bundle="\#(bundle.id)""#))
    }

    /// The webhook's listener (public, behind nginx) never answers the operations routes: they
    /// have a listener of their own (`--ops-host`/`--ops-port`, loopback by default).
    @Test func theWebhookListenerDoesNotAnswerOperationsRoutes() async throws {
        let fixture = try ServerFixture()
        let statuses = try await fixture.test { client in
            var statuses: [HTTPResponse.Status] = []
            for uri in ["/healthz", "/readyz", "/metrics"] { statuses.append(try await client.execute(uri: uri, method: .get).status) }
            return statuses
        }
        #expect(statuses == [.notFound, .notFound, .notFound])
    }
}
