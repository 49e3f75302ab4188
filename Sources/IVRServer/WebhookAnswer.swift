import HTTPTypes
import Hummingbird
import NIOCore

/// A webhook's answer whole: its status, headers and body bytes. Webhook answers are small
/// documents written with one content length, so the transport never streams them; the same
/// value comes from the router (`init(collecting:)`) and from `TeXMLFastPath`.
struct WebhookAnswer: Sendable {
    let status: HTTPResponse.Status
    var headers: HTTPFields
    let body: ByteBuffer

    init(status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A refusal: a short plain-text reason and never TeXML, so Telnyx cannot play it.
    static func refusal(_ status: HTTPResponse.Status, _ reason: String) -> WebhookAnswer {
        WebhookAnswer(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: ByteBuffer(string: reason + "\n"))
    }

    /// An answer the transport gives itself: a request HTTP Types cannot represent, a handler that failed.
    static func plain(_ status: HTTPResponse.Status) -> WebhookAnswer { refusal(status, status.reasonPhrase) }

    /// A router's response with its body read whole.
    init(collecting response: Response) async throws {
        let collector = BodyCollector()
        try await response.body.write(collector)
        self.init(status: response.status, headers: response.headers, body: collector.body)
    }

    /// The answer as the router's response.
    var response: Response { Response(status: status, headers: headers, body: .init(byteBuffer: body)) }

    var asksToClose: Bool { headers[.connection]?.lowercased() == "close" }
}

/// Gathers what a response body writes; the writer is consumed by the write, this box keeps its bytes.
private final class BodyCollector: ResponseBodyWriter {
    var body = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        body.writeImmutableBuffer(buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
