import Foundation
import HummingbirdTesting
import IVRBundle
import IVRServer
import Testing

/// A signed call walked through `ivrc serve` moves the outcome counters the bundle names, and
/// only those; every series is exported at 0 before the first call.
@Suite struct OutcomeMetricsTests {
    static let flow = "dental_office"

    private func walk(_ requests: [(String, [(String, String)])], flow: String = Self.flow) async throws
        -> (metrics: String, log: [[String: Any]]) {
        let fixture = try ServerFixture(only: flow)
        let bundle = fixture.server.store.current
        let number = try #require(bundle.bundle.manifest.flows.first { $0.name == flow }).number
        try await fixture.test { client in
            _ = try await ServerFixture.post(client, "/texml", ServerFixture.firstRequest(to: number))
            for (route, fields) in requests {
                let response = try await ServerFixture.post(client, "/texml/\(bundle.id)/\(flow)/\(route)",
                                                            ServerFixture.firstRequest(to: number) + fields)
                #expect(response.status == .ok, "\(route)")
            }
        }
        // `/metrics` is the operations listener's; these requests drive the webhook's router.
        return (fixture.server.metricsText, fixture.log.entries)
    }

    private static func outcome(_ step: String, _ kind: String, _ outcome: String, _ value: Int) -> String {
        #"ivrc_route_outcomes_total{flow="\#(flow)",step="\#(step)",kind="\#(kind)",outcome="\#(outcome)"} \#(value)"#
    }

    private static func entered(_ step: String, _ value: Int) -> String {
        #"ivrc_steps_entered_total{flow="\#(flow)",step="\#(step)"} \#(value)"#
    }

    @Test func everyOutcomeOfTheBundleIsExportedAtZeroBeforeAnyCall() async throws {
        let (metrics, _) = try await walk([])
        #expect(metrics.contains(Self.outcome("after_hours", "menu", "key", 0)))
        #expect(metrics.contains(Self.outcome("after_hours", "menu", "timeout", 0)))
        #expect(metrics.contains(Self.outcome("desk", "dial", "refused", 0)))
        #expect(metrics.contains(Self.outcome("desk", "dial", "busy", 0)))
        #expect(metrics.contains(Self.entered("emergency_line", 0)))
        #expect(metrics.contains("# HELP ivrc_route_outcomes_total"))
        #expect(metrics.contains("# HELP ivrc_steps_entered_total"))
    }

    @Test func aMenuKeyAndABusyDialMoveExactlyTheirCounters() async throws {
        let (metrics, log) = try await walk([("after_hours.route", [("Digits", "9")]), ("desk.route", [("DialCallStatus", "busy")])])
        #expect(metrics.contains(Self.outcome("after_hours", "menu", "key", 1)))
        #expect(metrics.contains(Self.outcome("after_hours", "menu", "invalid", 0)))
        #expect(metrics.contains(Self.outcome("after_hours", "menu", "timeout", 0)))
        #expect(metrics.contains(Self.outcome("desk", "dial", "busy", 1)))
        #expect(metrics.contains(Self.outcome("desk", "dial", "answered", 0)))
        #expect(metrics.contains(Self.entered("emergency_line", 1)))
        let moved = metrics.split(separator: "\n").filter {
            ($0.hasPrefix("ivrc_route_outcomes_total") || $0.hasPrefix("ivrc_steps_entered_total")) && !$0.hasSuffix(" 0")
        }
        // The entry step, the emergency line the key leads to, where the busy dial falls back, and the two routes.
        #expect(moved.count == 5, "\(moved)")
        let routed = log.filter { $0["kind"] as? String == "route" }
        #expect(routed.map { $0["outcome"] as? String } == ["key", "busy"])
        #expect(routed.first?["step"] as? String == "emergency_line")
        #expect(!log.contains { $0["outcome"] != nil && $0["kind"] as? String == "entry" })
    }

    @Test func theMenuBranchIsLoggedNeverTheDigits() async throws {
        let (_, log) = try await walk([("after_hours.route", [("Digits", "4815")]), ("after_hours.route", [])])
        let routed = log.filter { $0["kind"] as? String == "route" }
        #expect(routed.map { $0["outcome"] as? String } == ["invalid", "timeout"])
        #expect(!log.contains { "\($0)".contains("4815") })
    }
}

extension OutcomeMetricsTests {
    /// Every family has HELP text and a valid exposition, scraped after a call has moved counters.
    @Test func theScrapedMetricsPassPromtool() async throws {
        let (metrics, _) = try await walk([("after_hours.route", [("Digits", "9")])])
        let run = try DeploymentFilesTests.promtoolCheckMetrics(metrics)
        #expect(run.status == 0, "\(run.output)")
        #expect(metrics.contains("# HELP ivrc_requests_total"))
        #expect(metrics.contains("# HELP ivrc_request_duration_seconds"))
    }
}

extension OutcomeMetricsTests {
    private static func emergency(_ outcome: String, fallback: String = "", _ value: Int) -> String {
        #"ivrc_emergency_calls_total{flow="\#(flow)",outcome="\#(outcome)",fallback="\#(fallback)"} \#(value)"#
    }

    /// The emergency step entered from the after-hours menu, its dial not answered: the call
    /// counts as entered and as no-answer, falling back to after_hours; nothing else moves.
    @Test func anUnansweredEmergencyDialMovesExactlyItsEmergencyCounters() async throws {
        let before = try await walk([]).metrics
        for outcome in ["no-answer", "busy", "failed", "refused"] {
            #expect(before.contains(Self.emergency(outcome, fallback: "after_hours", 0)), "\(outcome)")
        }
        #expect(before.contains(Self.emergency("answered", 0)) && before.contains(Self.emergency("entered", 0)))
        let (metrics, log) = try await walk([("after_hours.route", [("Digits", "9")]),
                                             ("emergency_line.route", [("DialCallStatus", "no-answer")])])
        let moved = metrics.split(separator: "\n").map(String.init).filter { $0.hasPrefix("ivrc_emergency_calls_total") && !$0.hasSuffix(" 0") }
        #expect(moved.sorted() == [Self.emergency("entered", 1), Self.emergency("no-answer", fallback: "after_hours", 1)].sorted(),
                "\(moved)")
        let routed = log.filter { $0["kind"] as? String == "route" }
        #expect(routed.map { $0["emergency"] as? Bool } == [true, true])
        #expect(log.first { $0["kind"] as? String == "entry" }?["emergency"] as? Bool == false)
    }

    /// Choosing Spanish on the bilingual line counts es-MX once; English, where every call starts, stays 0.
    @Test func aLanguageBranchCountsTheLanguageChosen() async throws {
        let flow = "dental_office_bilingual"
        let (metrics, log) = try await walk([("welcome.route", [("Digits", "2")])], flow: flow)
        #expect(metrics.contains(#"ivrc_languages_chosen_total{flow="\#(flow)",language="es-MX"} 1"#))
        #expect(metrics.contains(#"ivrc_languages_chosen_total{flow="\#(flow)",language="en-US"} 0"#))
        #expect(log.last?["language"] as? String == "es-MX")
    }
}
