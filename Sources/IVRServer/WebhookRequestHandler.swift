import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Answers one connection's webhook requests: collects each request whole (its body kept up to
/// one byte past the largest a handler accepts, so the handler still refuses it with 413), runs
/// the webhook router on it in one task and writes the response back on the connection's event
/// loop. NIO's pipeline handler in front hands it one request at a time.
final class WebhookRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        case idle
        case receiving(HTTPRequestHead, ByteBuffer?)
        case answering
    }

    private var state = State.idle
    private let responder: RouterResponder<ServerRequestContext>
    private let fastPath: TeXMLFastPath?
    private var peerAddress: String??
    private let keptBodyBytes: Int
    private let logger: Logger

    init(responder: RouterResponder<ServerRequestContext>, fastPath: TeXMLFastPath?, maxBodyBytes: Int, logger: Logger) {
        self.responder = responder
        self.fastPath = fastPath
        self.keptBodyBytes = maxBodyBytes + 1
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            state = .receiving(head, nil)
        case .body(var part):
            guard case .receiving(let head, var body) = state else { return }
            state = .answering  // so `body` is the buffer's only reference and grows in place
            if var kept = body {
                let room = keptBodyBytes - kept.readableBytes
                if room > 0, let slice = part.readSlice(length: min(room, part.readableBytes)) { kept.writeImmutableBuffer(slice) }
                body = kept
            } else {
                body = part.readSlice(length: min(keptBodyBytes, part.readableBytes))
            }
            state = .receiving(head, body)
        case .end:
            guard case .receiving(let head, let body) = state else { return }
            state = .answering
            answer(head, body: body ?? ByteBuffer(), context: context)
        }
    }

    /// A kept-alive connection nobody has sent a request on for the idle timeout is closed.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            if case .idle = state { context.close(promise: nil) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func answer(_ head: HTTPRequestHead, body: ByteBuffer, context: ChannelHandlerContext) {
        guard let converted = try? HTTPRequest(head, secure: false, splitCookie: false) else {
            write(.plain(.badRequest), to: head, context: context)
            return
        }
        if let answer = fastPath?.answer(converted, body: body, peer: peer(of: context)) {
            write(answer, to: head, context: context)
            return
        }
        let request = Request(head: converted, body: RequestBody(buffer: body))
        let requestContext = ServerRequestContext(source: .init(channel: context.channel, logger: logger))
        let promise = context.eventLoop.makePromise(of: WebhookAnswer.self)
        promise.completeWithTask { [responder] in
            let response: Response
            do {
                response = try await responder.respond(to: request, context: requestContext)
            } catch let error as any HTTPResponseError {
                response = try error.response(from: request, context: requestContext)
            }
            return try await WebhookAnswer(collecting: response)
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        promise.futureResult.whenComplete { result in
            let (handler, context) = loopBound.value
            handler.write((try? result.get()) ?? .plain(.internalServerError), to: head, context: context)
        }
    }

    /// The connection's peer address, formatted once: formatting it for each request's log line
    /// cost more than any other field of the line.
    private func peer(of context: ChannelHandlerContext) -> String? {
        if let formatted = peerAddress { return formatted }
        let formatted = context.channel.remoteAddress?.ipAddress
        peerAddress = .some(formatted)
        return formatted
    }

    private func write(_ response: WebhookAnswer, to request: HTTPRequestHead, context: ChannelHandlerContext) {
        let close = !request.isKeepAlive || response.asksToClose
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "content-length", value: String(response.body.readableBytes))
        headers.replaceOrAdd(name: "date", value: HTTPDate.now)
        if close {
            headers.replaceOrAdd(name: "connection", value: "close")
        } else if request.version == .http1_0 {
            headers.replaceOrAdd(name: "connection", value: "keep-alive")
        }
        let head = HTTPResponseHead(version: request.version, status: HTTPResponseStatus(statusCode: response.status.code), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if request.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
        }
        state = .idle
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if close {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}

@available(*, unavailable)
extension WebhookRequestHandler: Sendable {}
