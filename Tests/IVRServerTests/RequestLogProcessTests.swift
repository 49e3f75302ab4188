import Foundation
import Testing

/// What the real server logs about where a request came from and what it was refused for.
@Suite struct RequestLogProcessTests {
    static func lines(_ log: String) -> [[String: Any]] {
        log.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["message"] as? String == "request" }
    }

    @Test func theClientIsTheTrustedProxysForwardedAddressAndRefusalsAreWarnings() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let proxied = try ServeProcess(bundle: bundle, arguments: ["--trusted-proxy", "127.0.0.1"])
        let direct = try ServeProcess(bundle: bundle)
        let signed = try StalledLogProcessTests.signedPost(ServerFixture.firstRequest(to: ServeProcessTests.intake))
            .replacingOccurrences(of: "Host: localhost\r\n", with: "Host: localhost\r\nX-Forwarded-For: 6.6.6.6, 203.0.113.9\r\n")
        for server in [proxied, direct] {
            #expect(try StalledLogProcessTests.exchange(port: server.port, signed) == 200)
            #expect(try StalledLogProcessTests.exchange(port: server.port, "POST /texml HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n") == 403)
            #expect(try StalledLogProcessTests.exchange(port: server.port, "GET /nowhere?secret=4815 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == 404)
        }
        #expect(proxied.terminate() == 0 && direct.terminate() == 0)
        let viaProxy = Self.lines(proxied.log), unproxied = Self.lines(direct.log)
        #expect(viaProxy.count == 3 && unproxied.count == 3)
        #expect(viaProxy.first?["client"] as? String == "203.0.113.9")
        #expect(unproxied.first?["client"] as? String == "127.0.0.1")
        #expect(viaProxy.map { $0["level"] as? String } == ["info", "warning", "info"])
        #expect(viaProxy.last?["path"] as? String == "/nowhere")
        #expect(!proxied.log.contains("4815"))
    }
}
