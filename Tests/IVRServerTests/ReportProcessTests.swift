import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `ivrc report` over the log a real `ivrc serve` wrote while the test caller walked two
/// emergency calls through it, signed as Telnyx signs: the format the report reads is the one
/// the server writes, so the two cannot drift apart.
@Suite struct ReportProcessTests {
    @Test func theReportOfARealServersLogNamesTheEmergencyCallThatReachedNoOne() async throws {
        let bundle = try ServeProcess.buildExamples()
        let directory = bundle.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try ServeProcess(bundle: bundle)
        let id = try await ServeProcessTests.readiness(server)
        let flow = EmergencyProcessTests.flow
        for (sid, dialStatus) in [("v3:unanswered", "no-answer"), ("v3:answered", "completed")] {
            let call = ServerFixture.firstRequest(to: EmergencyProcessTests.number).map { $0.0 == "CallSid" ? ($0.0, sid) : $0 }
            #expect(try await server.post("/texml", call).status == .ok)
            #expect(try await server.post("/texml/\(id)/\(flow)/after_hours.route", call + [("Digits", "9")]).status == .ok)
            #expect(try await server.post("/texml/\(id)/\(flow)/emergency_line.route", call + [("DialCallStatus", dialStatus)]).status == .ok)
        }
        #expect(server.terminate() == 0)
        let lines = server.log.split(separator: "\n").map(String.init)
        let merged = directory.appendingPathComponent("serve.log")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: merged)

        let json = try ServeProcess.run(["report", merged.path, "--bundle", bundle.path, "--format", "json"])
        #expect(json.status == 0, "\(json.output)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let flows = try #require(report["flows"] as? [[String: Any]])
        let dental = try #require(flows.first { $0["flow"] as? String == flow })
        let total = try #require(dental["total"] as? [String: Any])
        #expect(total["calls"] as? Int == 2 && total["reachedPerson"] as? Int == 1)
        #expect(total["emergencyCalls"] as? Int == 2 && total["emergencyReached"] as? Int == 1)
        #expect(total["requests"] as? Int == 6 && total["errors"] as? Int == 0)
        let missed = try #require(dental["emergencyNotReached"] as? [[String: Any]])
        #expect(missed.map { $0["callSid"] as? String } == ["v3:unanswered"])
        #expect(missed.first?["outcome"] as? String == "no-answer" && missed.first?["fallback"] as? String == "after_hours")
        let input = try #require(report["input"] as? [String: Any])
        #expect(input["notJSON"] as? Int == 0 && input["olderFormat"] as? Int == 0 && input["truncatedLastLines"] as? Int == 0)

        // Two replicas, each with half the lines: the same figures and plan table.
        let replicas = [0, 1].map { directory.appendingPathComponent("replica-\($0).log") }
        for (index, replica) in replicas.enumerated() {
            let half = lines.enumerated().filter { $0.offset % 2 == index }.map(\.element)
            try Data((half.joined(separator: "\n") + "\n").utf8).write(to: replica)
        }
        let one = try ServeProcess.run(["report", merged.path, "--bundle", bundle.path])
        let two = try ServeProcess.run(["report", replicas[1].path, replicas[0].path, "--bundle", bundle.path])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.output.components(separatedBy: "\ninput\n").first == two.output.components(separatedBy: "\ninput\n").first)
        let emergencyGoal = one.output.split(separator: "\n").first { $0.contains("emergency calls that reached a person") } ?? ""
        #expect(emergencyGoal.contains("1 of 2 (50.0 %)") && emergencyGoal.hasSuffix("FAIL"), "\(one.output)")
        #expect(!one.output.contains("+15550100123") && !one.output.contains("5550140"))
    }
}
