import Foundation
import IVRTestSupport
import Testing

/// Standard output read by nobody (a stalled pipe, a hung shipper) never stalls a request:
/// lines beyond the log buffer are dropped whole and counted.
@Suite struct StalledLogProcessTests {
    @Test func aStalledStandardOutputDropsLinesAndEveryRequestIsAnswered() async throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let (port, opsPort) = (try FreePort.pick(), try FreePort.pick())
        let process = Process()
        process.executableURL = try #require(BuiltExecutable.ivrc)
        process.arguments = ["serve", bundle.path, "--port", "\(port)", "--ops-port", "\(opsPort)", "--drain-delay", "0",
                             "--log-buffer-bytes", "65536"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TELNYX_PUBLIC_KEY": ServerFixture.publicKeyBase64,
                                                                           "IVRC_VALUES_KEY": ValuesKeyringTests.current]) { $1 }
        let unread = Pipe()  // its 64 KiB fill up and nothing drains them until the end
        process.standardOutput = unread
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        try Self.waitForHealth(port: opsPort)

        // About 300 bytes of log per request: 600 requests write more than the pipe and the
        // buffer hold together.
        var statuses: [UInt] = []
        for _ in 0..<600 {
            statuses.append(try Self.exchange(port: port, Self.signedPost(ServerFixture.firstRequest(to: ServeProcessTests.intake))))
            if statuses.last != 200 { break }  // a stalled server: one 5 s wait is enough to say so
        }
        #expect(statuses.allSatisfy { $0 == 200 }, "\(Set(statuses).sorted())")
        let metrics = try Self.response(port: opsPort, "GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        let dropped = try #require(metrics.split(separator: "\n").first { $0.hasPrefix("ivrc_log_lines_dropped_total ") })
        #expect((Double(dropped.split(separator: " ")[1]) ?? 0) > 0, "\(dropped)")

        process.terminate()
        let written = unread.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = written.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count > 100)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line))) != nil, "a partial line: \(String(decoding: line, as: UTF8.self))") }
    }

    static func signedPost(_ fields: [(String, String)]) throws -> String {
        let body = ServerFixture.form(fields)
        let headers = try ServerFixture.signature(for: body).map { "\($0.name.rawName): \($0.value)\r\n" }.joined()
        return "POST /texml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n\(headers)\r\n\(body)"
    }

    /// The status code of the answer to `request`, waiting at most 5 s (0 if none came).
    static func exchange(port: Int, _ request: String) throws -> UInt {
        let text = try response(port: port, request)
        return UInt(text.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    static func response(port: Int, _ request: String) throws -> String {
        let connection = try RawConnection(port: port)
        connection.send(request)
        return connection.readUntilClosed(within: 5).text
    }

    static func waitForHealth(port: Int) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let answer = try? response(port: port, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
               answer.hasPrefix("HTTP/1.1 200") { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ServeProcessError(message: "ivrc serve did not answer /healthz")
    }
}
