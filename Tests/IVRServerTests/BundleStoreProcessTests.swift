import Foundation
import Hummingbird
import IVRTestSupport
import NIOCore
import Testing

/// Two `ivrc serve` replicas on one bundle store, through the built binary and signed requests:
/// a deploy one replica has not picked up yet, and a restart, lose no call.
@Suite(.serialized) struct BundleStoreProcessTests {
    /// The examples copied, with the patient line's wording changed: another build of the same lines.
    private static func changedSources(in parent: URL) throws -> URL {
        let sources = parent.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let examples = ServerFixture.examples
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name.hasSuffix(".ivr") || name == "modules" {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: sources.appendingPathComponent(name))
        }
        let intake = sources.appendingPathComponent("patient_intake.ivr")
        let text = try String(contentsOf: intake, encoding: .utf8)
        #expect(text.contains("Thank you"))
        try Data(text.replacingOccurrences(of: "Thank you", with: "Thanks").utf8).write(to: intake)
        return sources
    }

    /// A call's first request on `replica`: the URL of its next request (the menu's route).
    private static func start(on replica: ServeProcess) async throws -> URL {
        let response = try await replica.post("/texml", ServerFixture.firstRequest(to: ServeProcessTests.intake))
        #expect(response.status == .ok)
        let action = try #require(try RelativeURLTests.links(in: response.body ?? ByteBuffer()).first { $0.contains(".route") })
        return try #require(URL(string: action, relativeTo: URL(string: "http://127.0.0.1/texml"))?.absoluteURL)
    }

    /// The call's next request (key 2) on `replica`: its status.
    private static func continueCall(_ url: URL, on replica: ServeProcess) async throws -> HTTPResponse.Status {
        try await replica.post(ServerFixture.target(url), ServerFixture.firstRequest(to: ServeProcessTests.intake) + [("Digits", "2")]).status
    }

    private static func bundleID(of url: URL) -> String {
        url.pathComponents.dropFirst(2).first ?? ""
    }

    private static func serving(_ replica: ServeProcess) async throws -> String {
        let body = try await replica.operations("/readyz").body ?? ByteBuffer()
        let readiness = try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
        return readiness["bundle"] as? String ?? ""
    }

    @Test func aDeployOneReplicaHasNotLoadedAndARestartWithinTheGracePeriodLoseNoCall() async throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let store = parent.appendingPathComponent("store")
        #expect(try ServeProcess.run(["build", ServerFixture.examples.path, "-o", store.path, "--store"]).status == 0)
        // `fast` reloads within 50 ms of a deploy; `slow` not during this test (a replica whose
        // poll or rollout comes later), until it is restarted.
        let fast = try ServeProcess(bundle: store, arguments: ["--poll-interval", "50"])
        var slow = try ServeProcess(bundle: store, arguments: ["--poll-interval", "600000"])
        defer { _ = fast.terminate(); _ = slow.terminate() }
        let beforeDeploy = [try await Self.start(on: fast), try await Self.start(on: slow)]
        let old = Self.bundleID(of: beforeDeploy[0])

        let build = try ServeProcess.run(["build", try Self.changedSources(in: parent).path, "-o", store.path])
        #expect(build.status == 0, "\(build.output)")
        #expect(build.output.contains("stored build"), "\(build.output)")
        let deadline = Date().addingTimeInterval(20)
        while try await Self.serving(fast) == old, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let afterDeploy = try await Self.start(on: fast)
        let new = Self.bundleID(of: afterDeploy)
        #expect(new != old)
        #expect(try await Self.serving(slow) == old, "the slow replica has not reloaded")

        // A call begun on the new build continues on the replica that has not loaded it.
        #expect(try await Self.continueCall(afterDeploy, on: slow) == .ok)
        // Calls begun on the old build continue on the replica that moved on.
        #expect(try await Self.continueCall(beforeDeploy[1], on: fast) == .ok)

        // Restarted, the slow replica starts on the new build and still answers the old one's calls.
        #expect(slow.terminate() == 0)
        slow = try ServeProcess(bundle: store)
        #expect(try await Self.serving(slow) == new)
        // The old build, retired seconds ago, is loaded after startup, before its calls ask.
        let preloaded = Date().addingTimeInterval(20)
        while !slow.log.contains("loaded ahead of their calls"), Date() < preloaded { try await Task.sleep(for: .milliseconds(20)) }
        #expect(slow.log.contains("loaded ahead of their calls"), "\(slow.log)")
        #expect(try await Self.continueCall(beforeDeploy[0], on: slow) == .ok)
        let metrics = String(buffer: try await slow.operations("/metrics").body ?? ByteBuffer())
        #expect(metrics.contains(#"ivrc_stored_bundle_loads_total{outcome="loaded"} 1"#), "\(metrics)")
        #expect(!slow.log.contains("unknown-bundle"), "\(slow.log)")
    }
}
