import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing

/// An emergency call walked through a real `ivrc serve`, signed as Telnyx signs: the dentist on
/// call does not answer, the call falls back to the after-hours menu, and `/metrics` on the
/// operations listener shows exactly that emergency outcome and passes `promtool check metrics`.
@Suite struct EmergencyProcessTests {
    static let flow = "dental_office"
    static let number = "+13125550140"

    @Test func anUnansweredEmergencyDialMovesExactlyItsCountersOnTheRealServer() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle)
        let id = try await ServeProcessTests.readiness(server)
        let call = ServerFixture.firstRequest(to: Self.number)
        #expect(try await server.post("/texml", call).status == .ok)
        let emergency = try await server.post("/texml/\(id)/\(Self.flow)/after_hours.route", call + [("Digits", "9")])
        let fallback = try await server.post("/texml/\(id)/\(Self.flow)/emergency_line.route", call + [("DialCallStatus", "no-answer")])
        #expect(emergency.headers[HTTPField.Name("X-IVRC-Document")!] == "\(Self.flow)/emergency_line.xml")
        #expect(fallback.headers[HTTPField.Name("X-IVRC-Document")!] == "\(Self.flow)/after_hours.xml")

        let metrics = String(buffer: try await server.operations("/metrics").body ?? ByteBuffer())
        let moved = metrics.split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("ivrc_emergency_calls_total") && !$0.hasSuffix(" 0") }
        #expect(moved.sorted() == [
            #"ivrc_emergency_calls_total{flow="dental_office",outcome="entered",fallback=""} 1"#,
            #"ivrc_emergency_calls_total{flow="dental_office",outcome="no-answer",fallback="after_hours"} 1"#,
        ], "\(moved)")
        #expect(metrics.contains(#"ivrc_route_outcomes_total{flow="dental_office",step="emergency_line",kind="dial",outcome="no-answer"} 1"#))
        let lines = server.log.split(separator: "\n").filter { $0.contains(#""kind":"route""#) }
        #expect(lines.count == 2 && lines.allSatisfy { $0.contains(#""emergency":true"#) }, "\(lines)")
        #expect(!server.log.contains(call.first { $0.0 == "From" }?.1 ?? "From"))

        let check = try DeploymentFilesTests.promtoolCheckMetrics(metrics)
        #expect(check.status == 0, "\(check.output)")
        #expect(server.terminate() == 0)
    }
}
