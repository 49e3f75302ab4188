import Foundation
import Hummingbird
import HummingbirdTesting
import IVRServer
import Testing

/// examples/monitoring/alerts.yml against what it reads: `promtool test rules` proves each alert
/// fires at its threshold and stays silent below it, and a server that has taken no call yet
/// already exports every series the rules read (so `increase()` sees the first event).
@Suite struct AlertRuleTests {
    static let monitoring = ServerFixture.examples.appendingPathComponent("monitoring")

    static var rules: String {
        get throws { try String(contentsOf: monitoring.appendingPathComponent("alerts.yml"), encoding: .utf8) }
    }

    static func alertNames(in rules: String) -> [String] {
        rules.split(separator: "\n").compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("- alert: ") ? String(text.dropFirst("- alert: ".count)) : nil
        }
    }

    @Test func everyAlertFiresAtItsThresholdAndStaysSilentBelowIt() throws {
        let run = try DeploymentFilesTests.tool("promtool", ["test", "rules", Self.monitoring.appendingPathComponent("alerts.test.yml").path])
        #expect(run.status == 0, "\(run.output)")
        // Each `- eval_time:` case names one alert and expects it firing (exp_alerts) or silent.
        let tests = try String(contentsOf: Self.monitoring.appendingPathComponent("alerts.test.yml"), encoding: .utf8)
        let cases = tests.components(separatedBy: "- eval_time:").dropFirst().map { block in
            (alert: block.split(separator: "\n").first { $0.contains("alertname:") }?.split(separator: " ").last.map(String.init),
             fires: block.components(separatedBy: "\n  - name:")[0].contains("exp_alerts:"))
        }
        let alerts = Self.alertNames(in: try Self.rules)
        #expect(alerts.count >= 12)
        for alert in alerts {
            #expect(cases.contains { $0.alert == alert && $0.fires }, "\(alert) is never shown firing")
            #expect(cases.contains { $0.alert == alert && !$0.fires }, "\(alert) is never shown silent")
        }
    }

    @Test func everySeriesTheAlertsReadIsExportedBeforeTheFirstCall() async throws {
        let fixture = try ServerFixture()
        let metrics = try await Application(router: fixture.server.operationsRouter()).test(.router) { client in
            String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
        }
        let samples = metrics.split(separator: "\n").filter { !$0.hasPrefix("#") }
        let rules = try Self.rules
        // The recordings receiver exports its own families; this server runs none.
        let names = Set(rules.matches(of: /ivrc_[a-z_]+/).map { String($0.output) }).filter { !$0.hasPrefix("ivrc_recordings_") }
        #expect(names.count >= 10)
        for name in names {
            #expect(samples.contains { $0.hasPrefix(name + "{") || $0.hasPrefix(name + " ") }, "\(name) is not exported before a call")
        }
        #expect(samples.contains(#"ivrc_calls_started_total{flow="driver_emergency"} 0"#))
        #expect(samples.contains(#"ivrc_flow_daily_calls_target{flow="driver_emergency"} 50.0"#)
            || samples.contains(#"ivrc_flow_daily_calls_target{flow="driver_emergency"} 50"#))
        #expect(samples.contains(#"ivrc_flow_daily_calls_target{flow="patient_intake"} 100.0"#)
            || samples.contains(#"ivrc_flow_daily_calls_target{flow="patient_intake"} 100"#))
        // driver_emergency declares no schedule: open around the clock.
        #expect(samples.contains { $0.hasPrefix(#"ivrc_flow_open{flow="driver_emergency"} 1"#) })
        #expect(samples.contains(#"ivrc_bundle_reloads_total{outcome="refused"} 0"#))
        #expect(samples.contains("ivrc_unknown_numbers_total 0"))
        #expect(samples.contains(#"ivrc_requests_total{flow="driver_emergency",kind="route",status="500"} 0"#))
    }

    /// The error-rate alert counts kinds entry, route and document: an unsigned request is
    /// refused before routing (kind unmatched), a signed one for a replaced bundle is not.
    @Test func onlyRequestsTelnyxCouldSendHaveAnEndpointKind() async throws {
        let fixture = try ServerFixture()
        let number = try #require(fixture.server.store.current.bundle.manifest.flows.first).number
        let body = ServerFixture.form(ServerFixture.firstRequest(to: number))
        let statuses = try await fixture.test { client in
            [try await client.execute(uri: "/texml", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                      body: ByteBuffer(string: body)).status,
             try await ServerFixture.post(client, "/texml/000000000000/dental_office/desk.route", ServerFixture.firstRequest(to: number)).status]
        }
        #expect(statuses == [.forbidden, .notFound])
        let metrics = fixture.server.metricsText
        #expect(metrics.contains(#"ivrc_requests_total{flow="",kind="unmatched",status="403"} 1"#))
        #expect(metrics.contains(#"ivrc_requests_total{flow="",kind="route",status="404"} 1"#))
    }
}
