import Foundation
import Hummingbird
import HummingbirdTesting
import IVRTestSupport
import Testing

/// `ivrc serve` as deployed: the built binary, real sockets, real signals. Serialized so the
/// processes do not compete for the machine's two cores.
@Suite(.serialized) struct ServeProcessTests {
    static let intake = "+18005550157"

    /// A caller that walks one call: the first request, then the first action URL of each
    /// answer resolved against the URL it came from, pressing `keys` in turn.
    static func call(keys: [String], via servers: [ServeProcess]) async throws -> [String] {
        var transcript: [String] = []
        var url = URL(string: "http://127.0.0.1/texml")!
        var fields = ServerFixture.firstRequest(to: intake)
        for (index, key) in ([""] + keys).enumerated() {
            if !key.isEmpty { fields = ServerFixture.firstRequest(to: intake) + [("Digits", key)] }
            let response = try await servers[index % servers.count].post(ServerFixture.target(url), fields)
            #expect(response.status == .ok, "\(url.path)")
            let body = String(buffer: response.body ?? ByteBuffer())
            transcript.append(body)
            guard let action = try RelativeURLTests.links(in: response.body ?? ByteBuffer()).first(where: { $0.contains(".route") }),
                  let next = URL(string: action, relativeTo: url)?.absoluteURL else { break }
            url = next
        }
        return transcript
    }

    /// "serving" is logged once the port is bound, with the port chosen for `--port 0`; a busy
    /// port is one plain line and exit 2, with nothing logged as serving.
    @Test func servingIsLoggedWithTheBoundPortAndABusyPortIsOneLine() throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle)
        let deadline = Date().addingTimeInterval(20)
        while !server.log.contains("\"serving\""), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let serving = try #require(server.log.split(separator: "\n").first { $0.contains("\"serving\"") }, "\(server.log)")
        #expect(serving.contains("http://127.0.0.1:\(server.port)/"), "\(serving)")
        #expect(serving.contains("\"commit\":\""), "\(serving)")

        let busy = Process()
        busy.executableURL = try #require(BuiltExecutable.ivrc)
        busy.arguments = ["serve", bundle.path, "--port", "\(server.port)", "--ops-port", "0", "--insecure-no-signatures"]
        busy.environment = ProcessInfo.processInfo.environment.merging(["IVRC_VALUES_KEY": ValuesKeyringTests.current]) { $1 }
        let output = Pipe(), errors = Pipe()
        busy.standardOutput = output
        busy.standardError = errors
        try busy.run()
        let stop = Date().addingTimeInterval(20)
        while busy.isRunning, Date() < stop { Thread.sleep(forTimeInterval: 0.02) }
        if busy.isRunning { kill(busy.processIdentifier, SIGKILL) }
        busy.waitUntilExit()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(busy.terminationStatus == 2)
        #expect(!log.contains("\"serving\""), "\(log)")
        #expect(stderr == "ivrc: error: cannot listen on 127.0.0.1:\(server.port): the port is in use (is another server running? choose another --port)\n",
                "\(stderr)")
        #expect(server.terminate() == 0)
    }

    /// `--event-loops N` runs N event loop threads, whatever the CPUs, says so when serving, and answers.
    @Test func eventLoopsAreTheThreadsAskedFor() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        for loops in [1, 3] {
            let server = try ServeProcess(bundle: bundle, arguments: ["--event-loops", "\(loops)"])
            let deadline = Date().addingTimeInterval(20)
            while !server.log.contains("\"serving\""), Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(server.log.contains("\"event_loops\":\(loops),"), "\(server.log)")
            let tasks = "/proc/\(server.process.processIdentifier)/task"
            let names = try FileManager.default.contentsOfDirectory(atPath: tasks).map {
                try String(contentsOfFile: "\(tasks)/\($0)/comm", encoding: .utf8)
            }
            // NIO names its singleton group's loops NIO-SGLTN-GROUP-#INDEX.
            #expect(names.filter { $0.hasPrefix("NIO-SGLTN-") }.count == loops, "\(names)")
            let answer = try await server.post("/texml", ServerFixture.firstRequest(to: Self.intake))
            #expect(answer.status == .ok)
            #expect(server.terminate() == 0)
        }
    }

    @Test func badOptionsExitTwoWithOneClearLine() throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let cases: [([String], String)] = [
            (["serve", bundle.path], "--insecure-no-signatures"),
            (["serve", bundle.path, "--telnyx-public-key", "bm90IGEga2V5"], "32-byte Ed25519"),
            (["serve", bundle.path, "--insecure-no-signatures", "--path", "texml/"], "--path"),
            (["serve", bundle.path, "--insecure-no-signatures", "--public-url", "ftp://x"], "--public-url"),
            (["serve", bundle.path, "--insecure-no-signatures", "--unknown-number-status", "200"], "--unknown-number-status"),
            (["serve", bundle.deletingLastPathComponent().appendingPathComponent("none").path, "--insecure-no-signatures"], "no such file or directory"),
            (["serve", bundle.path, "--insecure-no-signatures", "--env", "production"], "was built without --env, not for `production`"),
            (["serve", bundle.path, "--insecure-no-signatures", "--port", "9000", "--ops-port", "9000"], "--ops-port must differ from --port"),
            (["serve", bundle.path, "--insecure-no-signatures", "--header-timeout", "0"], "--header-timeout must be between 1 and 3600"),
            (["serve", bundle.path, "--insecure-no-signatures", "--max-connections", "0"], "--max-connections must be at least 1"),
            (["serve", bundle.path, "--insecure-no-signatures", "--event-loops", "0"], "--event-loops must be between 1 and 256"),
            (["serve", bundle.path, "--insecure-no-signatures", "--event-loops", "100000"], "--event-loops must be between 1 and 256"),
        ]
        for (arguments, message) in cases {
            let run = try ServeProcess.run(arguments, environment: ["TELNYX_PUBLIC_KEY": ""])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.output.contains(message), "\(arguments): \(run.output)")
        }
    }

    @Test func aSignedCallerWalksACallThroughTheBuiltBinary() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle)
        let transcript = try await Self.call(keys: ["2"], via: [server])
        #expect(transcript.count == 2)
        let ready = try await server.operations("/readyz")
        #expect(ready.status == .ok)
        let metrics = String(buffer: try await server.operations("/metrics").body ?? ByteBuffer())
        #expect(metrics.contains(#"ivrc_calls_started_total{flow="patient_intake"} 1"#))
        let unsigned = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            try await client.post("/texml", body: ByteBuffer(string: ServerFixture.form(ServerFixture.firstRequest(to: Self.intake))))
        }
        #expect(unsigned.status == .forbidden)
        #expect(server.terminate() == 0)
    }

    /// The issue's "done when": the examples' own `test` blocks, run by `ivrc test --url` as a
    /// Telnyx-like caller that signs every request, pass against the built server exactly as
    /// `ivrc test` passes them against the bundle (`--test-clock` lets `at` decide `hours`).
    @Test func theExamplesTestsPassThroughTheServerAsAgainstTheBundle() throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle, arguments: ["--test-clock"])
        let local = try ServeProcess.run(["test", ServerFixture.examples.path])
        let live = try ServeProcess.run(["test", ServerFixture.examples.path, "--url", "http://127.0.0.1:\(server.port)/texml"],
                                        environment: ["TELNYX_PRIVATE_KEY": ServerFixture.privateKeyBytes.base64EncodedString()])
        #expect(local.status == 0 && live.status == 0, "\(live.output)")
        let summary = { (run: ToolRun) in run.output.split(separator: "\n").last.map(String.init) ?? "" }
        #expect(summary(live) == summary(local))
        #expect(summary(live).hasSuffix("passed, 0 failed") && !summary(live).hasPrefix("0 "))
        let unsigned = try ServeProcess.run(["test", ServerFixture.examples.path, "--url", "http://127.0.0.1:\(server.port)/texml"])
        #expect(unsigned.status == 1)
        #expect(unsigned.output.contains("the server answered 403"), "\(unsigned.output)")
        #expect(server.terminate() == 0)
    }

    /// A test's `at` moment against a server without --test-clock would pass or fail by the
    /// wall clock: such calls stop with the reason instead; `simulate --url --at` runs when the
    /// server says it honours moments.
    @Test func momentsNeedAServerThatHonoursThem() throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let key = ["TELNYX_PRIVATE_KEY": ServerFixture.privateKeyBytes.base64EncodedString()]
        let clockless = try ServeProcess(bundle: bundle)
        let url = "http://127.0.0.1:\(clockless.port)/texml"
        let tests = try ServeProcess.run(["test", ServerFixture.examples.path, "--url", url], environment: key)
        #expect(tests.status == 1)
        #expect(tests.output.contains("decides `hours` by its own clock, not by this call's moment"), "\(tests.output)")
        let refused = try ServeProcess.run(["simulate", "--url", url, "--number", "+1-312-555-0140", "--at", "2026-12-25 09:00", "--press", "1"],
                                           environment: key)
        #expect(refused.status == 1 && refused.output.contains("--test-clock"), "\(refused.output)")
        #expect(clockless.terminate() == 0)

        let honouring = try ServeProcess(bundle: bundle, arguments: ["--test-clock"])
        let simulated = try ServeProcess.run(["simulate", "--url", "http://127.0.0.1:\(honouring.port)/texml", "--number", "+1-312-555-0140",
                                              "--at", "2026-12-25 09:00", "--press", "1"], environment: key)
        #expect(simulated.status == 0, "\(simulated.output)")
        #expect(honouring.terminate() == 0)
    }

    @Test func oneCallAlternatingBetweenTwoReplicasGetsTheSameTranscript() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let first = try ServeProcess(bundle: bundle), second = try ServeProcess(bundle: bundle)
        let alone = try await Self.call(keys: ["2", "1"], via: [first])
        let alternating = try await Self.call(keys: ["2", "1"], via: [first, second])
        // Each sealed token has its own nonce: the transcripts agree once the tokens are set aside.
        let unsealed = { (transcript: [String]) in transcript.map { $0.replacing(/\?v=[A-Za-z0-9._-]+/, with: "") } }
        #expect(unsealed(alternating) == unsealed(alone))
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

    @Test func sigtermWaitsForARequestStillArriving() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle)
        let body = ServerFixture.form(ServerFixture.firstRequest(to: Self.intake))
        let headers = try ServerFixture.signature(for: body).map { "\($0.name.rawName): \($0.value)\r\n" }.joined()
        let connection = try RawConnection(port: server.port)
        connection.send("POST /texml HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n\(headers)\r\n")
        connection.send(String(body.prefix(10)))
        try await Task.sleep(for: .milliseconds(200))
        server.process.terminate()
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.process.isRunning)
        connection.send(String(body.dropFirst(10)))
        let response = connection.readToEnd()
        #expect(response.hasPrefix("HTTP/1.1 200"), "\(response)")
        #expect(response.contains("<Response>"))
        #expect(server.terminate() == 0)
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
            let metrics = String(buffer: try await server.operations("/metrics").body ?? ByteBuffer())
            refused = metrics.contains(#"ivrc_bundle_reloads_total{outcome="refused"} 1"#)
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(refused)
        #expect(server.log.contains("bundle refused"))
        #expect(server.terminate() == 0)
    }

    @Test func sighupReloadsARebuiltBundle() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        // Polling an hour apart: only the signal can make this reload.
        let server = try ServeProcess(bundle: bundle, arguments: ["--poll-interval", "3600000"])
        let before = try await Self.readiness(server)
        let intake = ServerFixture.examples.appendingPathComponent("patient_intake.ivr")
        #expect(try ServeProcess.run(["build", intake.path, "-o", bundle.path]).status == 0)
        kill(server.process.processIdentifier, SIGHUP)
        var after = before
        for _ in 0..<250 where after == before {
            try await Task.sleep(for: .milliseconds(20))
            after = try await Self.readiness(server)
        }
        #expect(after != before)
        #expect(server.process.isRunning)
        #expect(server.terminate() == 0)
    }

    static func readiness(_ server: ServeProcess) async throws -> String {
        let body = try await server.operations("/readyz").body ?? ByteBuffer()
        let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        return object?["bundle"] as? String ?? ""
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
        #expect(try await server.operations("/healthz").status == .ok)
        #expect(server.process.isRunning)
        #expect(server.terminate() == 0)
    }
}
