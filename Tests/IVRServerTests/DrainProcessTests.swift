import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// SIGTERM drains: `/readyz` turns 503 at once while the webhook keeps answering (asking each
/// client to close its connection), then the server stops with every request answered; and a
/// rolling restart of two replicas behind the shipped nginx site fails no request.
@Suite(.serialized) struct DrainProcessTests {
    @Test func sigtermTurnsReadyzUnavailableWhileTheWebhookKeepsAnswering() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        // Long enough for the checks below on a machine running the whole suite; the test
        // waits it out once, then the server exits on its own.
        let server = try ServeProcess(bundle: bundle, arguments: ["--drain-delay", "15"])
        #expect(try await server.operations("/readyz").status == .ok)
        #expect(try await server.post("/texml", ServerFixture.firstRequest(to: ServeProcessTests.intake)).headers[.connection] != "close")

        server.process.terminate()
        var readiness = try await server.operations("/readyz")
        for _ in 0..<100 where readiness.status == .ok {
            try await Task.sleep(for: .milliseconds(20))
            readiness = try await server.operations("/readyz")
        }
        #expect(readiness.status == .serviceUnavailable)
        let body = String(buffer: readiness.body ?? ByteBuffer())
        #expect(body.contains(#""status":"draining""#) && body.contains(#""since":"#), "\(body)")
        #expect(try await server.operations("/healthz").status == .ok)
        let answer = try await server.post("/texml", ServerFixture.firstRequest(to: ServeProcessTests.intake))
        #expect(answer.status == .ok)
        #expect(answer.headers[.connection] == "close")

        let deadline = Date().addingTimeInterval(45)
        while server.process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.process.isRunning && server.process.terminationStatus == 0)
        let lines = server.log.split(separator: "\n")
        #expect(lines.contains { $0.contains(#""message":"draining""#) }, "\(server.log)")
        #expect(lines.contains { $0.contains(#""message":"stopped""#) && $0.contains(#""requests_finished":1"#) }, "\(server.log)")
    }

    /// Two replicas behind the shipped site's upstream and `/texml` location, each restarted in
    /// turn (SIGTERM, drain, exit, start again on its port) while four clients keep calling.
    @Test func aRollingRestartBehindTheShippedNginxSiteFailsNoRequest() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let ports = try (0..<3).map { _ in try FreePort.pick() }
        let drain = ["--drain-delay", "1"]
        var replicas = try ports.prefix(2).map { try ServeProcess(bundle: bundle, arguments: drain + ["--port", "\($0)"]) }
        let proxy = try NginxProxy(upstreams: Array(ports.prefix(2)), port: ports[2])
        defer { proxy.stop() }

        // Four callers on threads of their own (each request blocks on its socket), each a
        // fresh connection with a Host header, as Telnyx's requests reach nginx.
        let running = Flag()
        let answered = Mutex<[UInt]>([])
        let callers = DispatchGroup()
        for _ in 0..<4 {
            DispatchQueue.global().async(group: callers) {
                while running.isSet {
                    let status = (try? Self.post(ServerFixture.firstRequest(to: ServeProcessTests.intake), port: proxy.port)) ?? 0
                    answered.withLock { $0.append(status) }
                }
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        for index in replicas.indices {
            #expect(replicas[index].terminate() == 0)
            replicas[index] = try ServeProcess(bundle: bundle, arguments: drain + ["--port", "\(ports[index])"])
            try await Task.sleep(for: .milliseconds(500))
        }
        running.clear()
        callers.wait()
        let statuses = answered.withLock { $0 }
        #expect(statuses.count > 50)
        let failed = statuses.filter { $0 != 200 }
        #expect(failed.isEmpty, "\(failed.count) of \(statuses.count) requests failed: \(Set(failed).sorted())\n\(proxy.errors)")
        for replica in replicas { #expect(replica.terminate() == 0) }
    }
}

extension DrainProcessTests {
    /// One signed POST on a connection of its own: the status line's code (0 if none came).
    static func post(_ fields: [(String, String)], port: Int) throws -> UInt {
        let body = ServerFixture.form(fields)
        let headers = try ServerFixture.signature(for: body).map { "\($0.name.rawName): \($0.value)\r\n" }.joined()
        let connection = try RawConnection(port: port)
        connection.send("POST /texml HTTP/1.1\r\nHost: ivr.example.com\r\nConnection: close\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\(headers)\r\n\(body)")
        let response = connection.readToEnd()
        return UInt(response.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

/// A flag one task clears and others poll.
final class Flag: Sendable {
    private let value = Mutex(true)
    var isSet: Bool { value.withLock { $0 } }
    func clear() { value.withLock { $0 = false } }
}
