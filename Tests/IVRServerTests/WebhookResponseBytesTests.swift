import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTP1
import NIOHTTPTypesHTTP1
import Testing
@testable import IVRServer

/// The webhook transport writes its own bytes and converts request heads itself: both must be
/// what NIO's encoder and conversion give for the same answer and head.
struct WebhookResponseBytesTests {
    static let answers: [WebhookAnswer] = [
        WebhookAnswer(status: .ok, headers: [.contentType: "application/xml; charset=utf-8", HTTPField.Name("X-IVRC-Document")!: "line/welcome.xml"],
                      body: ByteBuffer(string: "<Response/>")),
        .refusal(.notFound, "no route here"),
        .refusal(.forbidden, "signature refused"),
        WebhookAnswer(status: HTTPResponse.Status(code: 299), headers: [.connection: "close", .contentLength: "999"], body: ByteBuffer()),
        WebhookAnswer(status: .ok, headers: [.contentType: "text/plain", .date: "yesterday"], body: ByteBuffer(string: "a\r\nb")),
    ]

    @Test(arguments: [(HTTPVersion.http1_1, false), (.http1_1, true), (.http1_0, false), (.http1_0, true)])
    func theBytesAreWhatNIOsEncoderWrites(version: HTTPVersion, close: Bool) throws {
        for answer in Self.answers {
            for withBody in [true, false] {
                let ours = WebhookResponseBytes.encode(answer, version: version, withBody: withBody, close: close,
                                                       allocator: ByteBufferAllocator())
                let text = String(buffer: ours)
                let date = try #require(text.split(separator: "\r\n").first { $0.hasPrefix("date: ") }).dropFirst("date: ".count)
                #expect(text == (try Self.encodedByNIO(answer, version: version, withBody: withBody, close: close, date: String(date))))
            }
        }
    }

    @Test(arguments: ["/texml", "/texml/0123456789ab/line/menu.route?v=abc%2Fdef&x=1", "/", "//twice/over", "/a b", "/%zz",
                      "http://example.com/texml?x=1", "*"])
    func aHeadIsConvertedAsNIOConvertsIt(uri: String) {
        for method in [HTTPMethod.POST, .GET, .HEAD, .RAW(value: "PURGE")] {
            let head = HTTPRequestHead(version: .http1_1, method: method, uri: uri,
                                       headers: ["Host": "ivr.example.com", "Content-Type": "application/x-www-form-urlencoded",
                                                 "Cookie": "a=1; b=2", "telnyx-timestamp": "1"])
            #expect(WebhookRequestHandler.converted(head) == (try? HTTPRequest(head, secure: false, splitCookie: false)), "\(method) \(uri)")
        }
    }

    /// The response the previous transport wrote: NIO's encoder, fed the answer's fields with
    /// the framing fields replaced.
    private static func encodedByNIO(_ answer: WebhookAnswer, version: HTTPVersion, withBody: Bool, close: Bool, date: String) throws -> String {
        var headers = HTTPHeaders(answer.headers)
        headers.replaceOrAdd(name: "content-length", value: String(answer.body.readableBytes))
        headers.replaceOrAdd(name: "date", value: date)
        if close {
            headers.replaceOrAdd(name: "connection", value: "close")
        } else if version == .http1_0 {
            headers.replaceOrAdd(name: "connection", value: "keep-alive")
        } else {
            headers.remove(name: "connection")
        }
        let channel = EmbeddedChannel(handler: HTTPResponseEncoder())
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: answer.status.code), headers: headers)
        try channel.writeOutbound(HTTPServerResponsePart.head(head))
        if withBody { try channel.writeOutbound(HTTPServerResponsePart.body(.byteBuffer(answer.body))) }
        try channel.writeOutbound(HTTPServerResponsePart.end(nil))
        var text = ""
        while let part = try channel.readOutbound(as: IOData.self) {
            guard case .byteBuffer(let buffer) = part else { continue }
            text += String(buffer: buffer)
        }
        _ = try channel.finish()
        return text
    }
}
