import Foundation
import HummingbirdTesting
import Testing

/// Peers that hold connections without finishing requests, against the built `ivrc serve`:
/// a full descriptor table never kills it, and slow peers are closed by the header, body and
/// idle timeouts. Serialized: each starts a process and holds sockets.
@Suite(.serialized) struct ConnectionLimitsProcessTests {
    /// A signed first request for the intake flow, as one raw HTTP/1.1 message.
    static func signedRequest() throws -> String {
        let body = ServerFixture.form(ServerFixture.firstRequest(to: ServeProcessTests.intake))
        let headers = try ServerFixture.signature(for: body).map { "\($0.name.rawName): \($0.value)\r\n" }.joined()
        return "POST /texml HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n\(headers)\r\n\(body)"
    }

    /// Under `ulimit -n 64`, 60 connections that never send a byte: the server caps what it
    /// accepts below the limit, closes each silent one after the header timeout, and then
    /// answers a new caller; it is alive throughout (it used to die of EMFILE).
    @Test func aFullDescriptorTableNeverKillsTheServer() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle, arguments: ["--header-timeout", "1"],
                                      wrapper: ["/usr/bin/prlimit", "--nofile=64", "--"])
        #expect(server.log.contains(#""max_connections":"#), "\(server.log)")
        let silent = try (0..<60).map { _ in try RawConnection(port: server.port) }
        let caller = try RawConnection(port: server.port)
        caller.send(try Self.signedRequest())
        let answer = caller.readUntilClosed(within: 40)
        #expect(answer.text.hasPrefix("HTTP/1.1 200"), "\(answer.text)")
        #expect(answer.text.contains("<Response>"))
        #expect(server.process.isRunning)
        // Health is asked once the peers are gone: with the table full the operations listener
        // may be unable to accept, which is the back-off working, not a failure.
        silent.forEach { $0.close() }
        var health: TestClient.Response?
        for _ in 0..<20 where health?.status != .ok {
            health = try? await server.operations("/healthz")
            if health?.status != .ok { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(health?.status == .ok)
        #expect(server.terminate() == 0)
    }

    /// A request head never finished (slowloris), a body that stops halfway, and a kept-alive
    /// connection left idle after its answer: each is closed by the server, not held forever.
    @Test func slowPeersAreClosedByTheTimeouts() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle, arguments: ["--header-timeout", "1", "--body-timeout", "1", "--idle-timeout", "1"])
        let headless = try RawConnection(port: server.port)
        headless.send("POST /texml HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        let headlessEnd = headless.readUntilClosed(within: 20)
        #expect(headlessEnd.closed && headlessEnd.text.isEmpty, "\(headlessEnd)")

        let request = try Self.signedRequest()
        let halfBody = try RawConnection(port: server.port)
        halfBody.send(String(request.dropLast(40)))
        let halfBodyEnd = halfBody.readUntilClosed(within: 20)
        #expect(halfBodyEnd.closed && halfBodyEnd.text.isEmpty, "\(halfBodyEnd)")

        let kept = try RawConnection(port: server.port)
        kept.send(request.replacingOccurrences(of: "Connection: close\r\n", with: ""))
        let keptEnd = kept.readUntilClosed(within: 20)
        #expect(keptEnd.closed && keptEnd.text.hasPrefix("HTTP/1.1 200"), "\(keptEnd)")
        #expect(server.process.isRunning)
        #expect(server.terminate() == 0)
    }

    /// After an answer, a next head trickled a byte every half second is closed: the idle timeout
    /// counts whole request parts, not bytes, so the trickle never resets it.
    @Test func aNextHeadTrickledOnAKeptAliveConnectionIsClosed() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle, arguments: ["--idle-timeout", "2"])
        let trickling = try RawConnection(port: server.port)
        let request = try Self.signedRequest().replacingOccurrences(of: "Connection: close\r\n", with: "")
        trickling.send(request)
        for byte in "POST /texml HTTP/1" {
            try await Task.sleep(for: .milliseconds(500))
            trickling.send(String(byte))
        }
        // 18 bytes, 9 s: closed after the 2 s idle timeout, though a byte came every half second.
        let end = trickling.readUntilClosed(within: 1)
        #expect(end.closed && end.text.hasPrefix("HTTP/1.1 200"), "\(end)")
        #expect(server.process.isRunning)
        #expect(server.terminate() == 0)
    }
}
