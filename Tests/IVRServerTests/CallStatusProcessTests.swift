import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing

/// Call status callbacks sent to a real `ivrc serve` as Telnyx sends them (signed by the tests'
/// own signer): unsigned, forged and stale ones are refused; a call's callbacks, repeated and
/// out of order, end it once; a number no flow answers is counted and answered 200; `/metrics`
/// moves exactly so and passes `promtool check metrics`; the log never holds a number.
@Suite struct CallStatusProcessTests {
    static let flow = "dental_office"
    static let number = "+13125550140"
    static let caller = "+15550100123"
    static let strangerNumber = "+19995550000"

    private static func callback(_ sid: String, _ sequence: String, _ status: String, to number: String = number,
                                 ended: [(String, String)] = []) -> [(String, String)] {
        [("AccountSid", "acct-1"), ("CallSid", sid), ("CallSidLegacy", sid), ("CallStatus", status),
         ("CallbackSource", "call-progress-events"), ("From", caller), ("To", number), ("SequenceNumber", sequence),
         ("Timestamp", "2026-12-06T10:30:00Z")] + ended
    }

    private static let completed = [("CallDuration", "42"), ("HangupSource", "caller"), ("HangupCause", "normal_clearing")]

    /// Lines of `metrics` for `families` whose value moved from 0.
    private static func moved(_ metrics: String, _ families: [String]) -> [String] {
        metrics.split(separator: "\n").map(String.init)
            .filter { line in families.contains { line.hasPrefix($0) } && !line.hasSuffix(" 0") && !line.hasSuffix(" 0.0") }
            .sorted()
    }

    @Test func aCallsCallbacksEndItOnceAndRefusedOnesMoveNothing() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle)
        _ = try await ServeProcessTests.readiness(server)

        let signedBody = ServerFixture.form(Self.callback("v3:forged", "3", "completed", ended: Self.completed))
        let stale = try ServerFixture.signature(for: signedBody, timestamp: String(Int(Date().timeIntervalSince1970) - 301))
        let forged = try ServerFixture.signature(for: signedBody.replacingOccurrences(of: "42", with: "1"))
        var unsigned = forged
        unsigned[HTTPField.Name("telnyx-signature-ed25519")!] = nil
        for headers in [unsigned, forged, stale] {
            let refused = try await ServeProcess.exchange(port: server.port) { client in
                try await client.post("/texml/status", headers: headers, body: ByteBuffer(string: signedBody))
            }
            #expect(refused.status == .forbidden)
        }

        let sid = "v3:status-call-1"
        for (sequence, status) in [("0", "initiated"), ("1", "ringing"), ("2", "in-progress")] {
            #expect(try await server.post("/texml/status", Self.callback(sid, sequence, status)).status == .ok)
        }
        let end = try await server.post("/texml/status", Self.callback(sid, "3", "completed", ended: Self.completed))
        #expect(end.status == .ok && String(buffer: end.body ?? ByteBuffer()) == "ended\n")
        let repeated = try await server.post("/texml/status", Self.callback(sid, "3", "completed", ended: Self.completed))
        let late = try await server.post("/texml/status", Self.callback(sid, "1", "ringing"))
        #expect(repeated.status == .ok && late.status == .ok)
        let stranger = try await server.post("/texml/status", Self.callback("v3:stranger", "3", "completed", to: Self.strangerNumber,
                                                                            ended: Self.completed))
        #expect(stranger.status == .ok)
        let malformed = try await server.post("/texml/status", Self.callback("v3:bad", "-1", "completed"))
        #expect(malformed.status == .badRequest)

        let metrics = String(buffer: try await server.operations("/metrics").body ?? ByteBuffer())
        #expect(Self.moved(metrics, ["ivrc_calls_ended_total", "ivrc_status_callbacks_total"]) == [
            #"ivrc_calls_ended_total{flow="dental_office",status="completed",hangup_source="caller"} 1"#,
            #"ivrc_status_callbacks_total{result="duplicate"} 2"#,
            #"ivrc_status_callbacks_total{result="ended"} 1"#,
            #"ivrc_status_callbacks_total{result="malformed"} 1"#,
            #"ivrc_status_callbacks_total{result="progress"} 3"#,
            #"ivrc_status_callbacks_total{result="unknown-flow"} 1"#,
        ])
        #expect(metrics.contains(#"ivrc_call_duration_seconds_sum{flow="dental_office"} 42"#), "\(metrics)")
        #expect(metrics.contains(#"ivrc_call_duration_seconds_count{flow="dental_office"} 1"#))
        #expect(metrics.contains(#"ivrc_calls_ended_total{flow="driver_emergency",status="no-answer",hangup_source="other"} 0"#),
                "every flow's series exported at 0")
        for reason in ["missing", "forged", "stale"] {
            #expect(metrics.contains(#"ivrc_signature_rejections_total{reason="\#(reason)"} 1"#), "\(reason)")
        }
        let check = try DeploymentFilesTests.promtoolCheckMetrics(metrics)
        #expect(check.status == 0, "\(check.output)")

        let entries = server.log.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let ended = try #require(entries.first { $0["status_callback"] as? String == "ended" })
        #expect(ended["kind"] as? String == "status" && ended["call_sid"] as? String == sid && ended["flow"] as? String == Self.flow)
        #expect(ended["call_status"] as? String == "completed" && ended["hangup_source"] as? String == "caller")
        #expect(ended["duration_s"] as? Int == 42)
        let unknown = try #require(entries.first { $0["status_callback"] as? String == "unknown-flow" })
        #expect(unknown["flow"] == nil && unknown["status"] as? Int == 200)
        for number in [Self.caller, Self.number, Self.strangerNumber] {
            #expect(!server.log.contains(number) && !server.log.contains(number.dropFirst()), "\(number) in the log")
        }
        #expect(server.terminate() == 0)
    }
}
