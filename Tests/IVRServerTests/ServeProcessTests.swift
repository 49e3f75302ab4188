import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `ivrc serve` as deployed: the built binary, real sockets, real signals. Serialized so the
/// processes do not compete for the machine's two cores.
@Suite(.serialized) struct ServeProcessTests {
    static let intake = "+18005963057"

    /// A caller that walks one call: the first request, then the first action URL of each
    /// answer resolved against the URL it came from, pressing `keys` in turn.
    static func call(keys: [String], via servers: [ServeProcess]) async throws -> [String] {
        var transcript: [String] = []
        var url = URL(string: "http://127.0.0.1/texml")!
        var fields = ServerFixture.firstRequest(to: intake)
        for (index, key) in ([""] + keys).enumerated() {
            if !key.isEmpty { fields = ServerFixture.firstRequest(to: intake) + [("Digits", key)] }
            let response = try await servers[index % servers.count].post(url.path, fields)
            #expect(response.status == .ok, "\(url.path)")
            let body = String(buffer: response.body ?? ByteBuffer())
            transcript.append(body)
            guard let action = try RelativeURLTests.links(in: response.body ?? ByteBuffer()).first(where: { $0.hasSuffix(".route") }),
                  let next = URL(string: action, relativeTo: url)?.absoluteURL else { break }
            url = next
        }
        return transcript
    }

    @Test func aSignedCallerWalksACallThroughTheBuiltBinary() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle)
        let transcript = try await Self.call(keys: ["2"], via: [server])
        #expect(transcript.count == 2)
        let ready = try await server.get("/readyz")
        #expect(ready.status == .ok)
        let metrics = String(buffer: try await server.get("/metrics").body ?? ByteBuffer())
        #expect(metrics.contains(#"ivrc_calls_started_total{flow="patient_intake"} 1"#))
        let unsigned = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            try await client.post("/texml", body: ByteBuffer(string: ServerFixture.form(ServerFixture.firstRequest(to: Self.intake))))
        }
        #expect(unsigned.status == .forbidden)
        #expect(server.terminate() == 0)
    }

    @Test func oneCallAlternatingBetweenTwoReplicasGetsTheSameTranscript() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let first = try ServeProcess(bundle: bundle), second = try ServeProcess(bundle: bundle)
        let alone = try await Self.call(keys: ["2", "1"], via: [first])
        let alternating = try await Self.call(keys: ["2", "1"], via: [first, second])
        #expect(alternating == alone)
        #expect(alone.count > 1)
        #expect(first.terminate() == 0)
        #expect(second.terminate() == 0)
    }

    @Test func sigtermUnderLoadFinishesInFlightRequestsAndExitsZero() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle)
        let answered = try await withThrowingTaskGroup(of: [UInt].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var statuses: [UInt] = []
                    for _ in 0..<200 {
                        guard let response = try? await server.post("/texml", ServerFixture.firstRequest(to: Self.intake)) else { break }
                        statuses.append(UInt(response.status.code))
                    }
                    return statuses
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(server.terminate() == 0)
            return try await group.reduce([], +)
        }
        #expect(!answered.isEmpty)
        #expect(answered.allSatisfy { $0 == 200 })
    }

    @Test func aBundleReplacedByGarbageUnderTrafficIsRefusedWhileTheOldKeepsServing() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle, arguments: ["--poll-interval", "20"])
        let garbage = bundle.deletingLastPathComponent().appendingPathComponent("garbage")
        try FileManager.default.createDirectory(at: garbage, withIntermediateDirectories: true)
        try Data("\u{0}\u{1}not json".utf8).write(to: garbage.appendingPathComponent("manifest.json"))
        var refused = false
        for round in 0..<100 where !refused {
            if round == 5 {
                try FileManager.default.moveItem(at: bundle, to: bundle.deletingLastPathComponent().appendingPathComponent("old"))
                try FileManager.default.moveItem(at: garbage, to: bundle)
            }
            let response = try await server.post("/texml", ServerFixture.firstRequest(to: Self.intake))
            #expect(response.status == .ok)
            let metrics = String(buffer: try await server.get("/metrics").body ?? ByteBuffer())
            refused = metrics.contains(#"ivrc_bundle_reloads_total{outcome="refused"} 1"#)
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(refused)
        #expect(server.log.contains("bundle refused"))
        #expect(server.terminate() == 0)
    }

    @Test func aThousandConcurrentConnectionsAreAnsweredWithoutACrash() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle)
        let answered = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<1000 {
                group.addTask { (try? await server.post("/texml", ServerFixture.firstRequest(to: Self.intake)))?.status == .ok }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(answered == 1000)
        #expect(try await server.get("/healthz").status == .ok)
        #expect(server.process.isRunning)
        #expect(server.terminate() == 0)
    }
}
