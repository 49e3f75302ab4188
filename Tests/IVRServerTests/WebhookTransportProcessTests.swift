import Foundation
import Testing
@testable import IVRServer

/// The webhook listener's own HTTP/1.1 handling (`WebhookChannel`), against the built `ivrc
/// serve` over raw sockets: what a proxy or a hostile peer may send that the router never sees.
@Suite(.serialized) struct WebhookTransportProcessTests {
    /// Two requests written at once on one connection are answered in order, the first kept
    /// alive, the second (`Connection: close`) closing the connection after its answer.
    @Test func pipelinedRequestsAreAnsweredInOrderThenTheConnectionCloses() throws {
        try withServer { server in
            let request = try ConnectionLimitsProcessTests.signedRequest()
            let connection = try RawConnection(port: server.port)
            connection.send(request.replacingOccurrences(of: "Connection: close\r\n", with: "")
                            + request.replacingOccurrences(of: "POST /texml", with: "POST /texml/nowhere"))
            let answer = connection.readUntilClosed(within: 20)
            #expect(answer.closed)
            #expect(Self.statuses(answer.text) == [200, 404], "\(answer.text)")
            #expect(answer.text.components(separatedBy: "<Response>").count == 2)
        }
    }

    /// A request the router answers in a task (an unknown path) holds back the requests written
    /// after it, answered on the event loop: all come back in the order sent.
    @Test func aPipelinedRequestWaitsForTheAnswerAheadOfIt() throws {
        try withServer { server in
            let request = try ConnectionLimitsProcessTests.signedRequest()
            let connection = try RawConnection(port: server.port)
            connection.send("GET /texml/nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
                            + request.replacingOccurrences(of: "Connection: close\r\n", with: "")
                            + "GET /texml/nowhere HTTP/1.1\r\nHost: x\r\n\r\n" + request)
            let answer = connection.readUntilClosed(within: 20)
            #expect(answer.closed)
            #expect(Self.statuses(answer.text) == [404, 200, 404, 200], "\(answer.text)")
        }
    }

    /// Requests answered on the event loop and by the router, written in pieces split anywhere
    /// (inside a request line, a header, a body, between two requests), are answered in order.
    @Test func requestsSplitAnywhereAreAnsweredInOrder() throws {
        try withServer { server in
            let signed = try ConnectionLimitsProcessTests.signedRequest().replacingOccurrences(of: "Connection: close\r\n", with: "")
            let unknown = "GET /texml/nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<5 {
                let requests = (0..<8).map { _ in Bool.random(using: &generator) }
                let stream = Array((requests.map { $0 ? signed : unknown }.joined() + "GET /texml/nowhere HTTP/1.1\r\nConnection: close\r\n\r\n").utf8)
                let connection = try RawConnection(port: server.port)
                var start = 0
                while start < stream.count {
                    let end = min(stream.count, start + Int.random(in: 1...300, using: &generator))
                    connection.send(String(decoding: stream[start..<end], as: UTF8.self))
                    if Bool.random(using: &generator) { usleep(2_000) }
                    start = end
                }
                let answer = connection.readUntilClosed(within: 20)
                #expect(Self.statuses(answer.text) == requests.map { $0 ? 200 : 404 } + [404], "\(answer.text)")
            }
        }
    }

    /// A peer that sends its request and half-closes (`shutdown(SHUT_WR)`) gets its answer, then
    /// the connection closes instead of idling until the timeout.
    @Test func aHalfClosingPeerIsAnsweredThenClosed() throws {
        try withServer { server in
            let request = try ConnectionLimitsProcessTests.signedRequest().replacingOccurrences(of: "Connection: close\r\n", with: "")
            let connection = try RawConnection(port: server.port)
            connection.send(request)
            connection.finishSending()
            let answer = connection.readUntilClosed(within: 5)
            #expect(answer.closed, "\(answer.text)")
            #expect(Self.statuses(answer.text) == [200], "\(answer.text)")
        }
    }

    /// An HTTP/1.0 request is answered as 1.0 and its connection closed; one asking to be kept
    /// alive is told so and kept.
    @Test func anHTTP10RequestIsAnsweredAndClosedUnlessItAsksForKeepAlive() throws {
        try withServer { server in
            let plain = try RawConnection(port: server.port)
            plain.send("GET /texml/nowhere HTTP/1.0\r\n\r\n")
            let closed = plain.readUntilClosed(within: 20)
            #expect(closed.closed && closed.text.hasPrefix("HTTP/1.0 "), "\(closed)")

            let kept = try RawConnection(port: server.port)
            kept.send("GET /texml/nowhere HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let open = kept.readUntilClosed(within: 2)
            #expect(!open.closed && open.text.lowercased().contains("connection: keep-alive"), "\(open)")
        }
    }

    /// A body past the limit is not kept whole: the handler refuses it with 413, and the
    /// connection goes on to answer the next request.
    @Test func aBodyPastTheLimitIs413AndTheConnectionGoesOn() throws {
        try withServer(arguments: ["--max-body-bytes", "1024"]) { server in
            let connection = try RawConnection(port: server.port)
            let body = String(repeating: "A", count: 200_000)
            connection.send("POST /texml HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                            + "GET /texml/nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let answer = connection.readUntilClosed(within: 20)
            #expect(Self.statuses(answer.text) == [413, 404], "\(answer.text)")
        }
    }

    /// Bytes that are not HTTP get 400 and a closed connection; peers that hang up with their
    /// answers still being made are no harm; the server goes on answering.
    @Test func garbageIs400AndTheServerGoesOn() throws {
        try withServer { server in
            let garbage = try RawConnection(port: server.port)
            garbage.send("\u{1}\u{2} not http at all\r\n\r\n")
            let refused = garbage.readUntilClosed(within: 20)
            #expect(refused.closed && refused.text.hasPrefix("HTTP/1.1 400"), "\(refused)")
            let request = try ConnectionLimitsProcessTests.signedRequest().replacingOccurrences(of: "Connection: close\r\n", with: "")
            for _ in 0..<50 {
                let impatient = try RawConnection(port: server.port)
                impatient.send(request + request)
                impatient.close()
            }
            let next = try RawConnection(port: server.port)
            next.send(try ConnectionLimitsProcessTests.signedRequest())
            #expect(next.readUntilClosed(within: 20).text.hasPrefix("HTTP/1.1 200"))
        }
    }

    /// RFC 9110's own example of an IMF-fixdate, and a leap day.
    @Test func theDateHeaderIsAnIMFFixdate() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(1_709_164_800) == "Thu, 29 Feb 2024 00:00:00 GMT")
    }

    /// The status code of every response in `text` (a status line follows a CRLF, or the bare newline a document ends with).
    static func statuses(_ text: String) -> [Int] {
        // By bytes: a Swift string's "\r\n" is one character, which a split at "\n" never finds.
        text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { bytes in
            let line = String(decoding: bytes, as: UTF8.self)
            return line.hasPrefix("HTTP/1.1 ") ? Int(line.dropFirst("HTTP/1.1 ".count).prefix(3)) : nil
        }
    }

    private func withServer(arguments: [String] = [], _ body: (ServeProcess) throws -> Void) throws {
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle, arguments: arguments)
        try body(server)
        #expect(server.process.isRunning)
        #expect(server.terminate() == 0)
    }
}
