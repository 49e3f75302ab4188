import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Answers one connection's webhook requests, one at a time and in order: collects each request
/// whole (its body kept up to one byte past the largest a handler accepts, so the handler still
/// refuses it with 413), answers it through `TeXMLFastPath` on the event loop or through the
/// webhook router in a task, and writes the response's bytes itself (`WebhookResponseBytes`).
///
/// Everything NIO's HTTP/1 server pipeline did for this listener is here, because a request
/// passing its handlers cost more CPU than ivrc's own work (docs/performance.md): requests that
/// arrive while an answer is under way (pipelining) wait their turn, and the connection reads
/// nothing more until then; a request the parser refuses is answered 400 and the connection
/// closed; a graceful shutdown closes an idle connection at once and a busy one after its answer;
/// a peer that half-closes gets the answer it is owed, then the connection closes.
final class WebhookRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundIn = Never
    typealias OutboundOut = ByteBuffer

    private enum State {
        case idle
        case receiving(HTTPRequestHead, ByteBuffer?)
        /// An answer is under way in a task; what arrives meanwhile waits in `waiting`.
        case answering
        /// The connection closes once what was written is out; nothing more is read or answered.
        case closing
    }

    /// What arrived while an answer was under way, delivered once it is written.
    private enum Arrival {
        case part(HTTPServerRequestPart)
        case refusedByParser
        case inputClosed
    }

    private var state = State.idle
    private var waiting = CircularBuffer<Arrival>()
    /// A read asked for while answering, issued once the answer is written.
    private var readPending = false
    /// The server is shutting down: close after the answer under way.
    private var closeAfterAnswer = false
    private let responder: RouterResponder<ServerRequestContext>
    private let fastPath: TeXMLFastPath?
    private var peerAddress: String??
    private let keptBodyBytes: Int
    private let logger: Logger
    /// The slowloris guard, kept here rather than in a handler of its own: a handler more in the
    /// pipeline cost each request three more casts of its parts.
    private let deadline: RequestDeadline

    init(responder: RouterResponder<ServerRequestContext>, fastPath: TeXMLFastPath?, maxBodyBytes: Int, limits: ConnectionLimits,
         logger: Logger) {
        self.responder = responder
        self.fastPath = fastPath
        self.keptBodyBytes = maxBodyBytes + 1
        self.deadline = RequestDeadline(limits: limits)
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { deadline.connectionOpened(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        deadline.connectionOpened(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { deadline.stop() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        deadline.arrived(part.stage, context)
        receive(.part(part), context: context)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError {
            receive(.refusedByParser, context: context)
        } else {
            context.fireErrorCaught(error)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is ChannelShouldQuiesceEvent:
            // A request half-received is still answered; a request already answered is the last.
            closeAfterAnswer = true
            if case .idle = state { close(context) }
        case ChannelEvent.inputClosed:
            receive(.inputClosed, context: context)
        case is IdleStateHandler.IdleStateEvent:
            // A kept-alive connection nobody has sent a request on for the idle timeout is closed,
            // and so is one whose peer reads nothing of a last answer.
            switch state {
            case .idle, .closing: close(context)
            case .receiving, .answering: break
            }
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// A peer gone while its answer was being made: what it had pipelined is not answered.
    func channelInactive(context: ChannelHandlerContext) {
        deadline.stop()
        state = .closing
        waiting.removeAll()
        context.fireChannelInactive()
    }

    /// Reads wait while an answer is under way: a pipelining client is not read ahead of its answers.
    func read(context: ChannelHandlerContext) {
        if case .answering = state {
            readPending = true
        } else {
            context.read()
        }
    }

    private func receive(_ arrival: Arrival, context: ChannelHandlerContext) {
        switch state {
        case .answering:
            waiting.append(arrival)
            return
        case .closing:
            return
        case .idle, .receiving:
            break
        }
        switch arrival {
        case .part(.head(let head)):
            state = .receiving(head, nil)
        case .part(.body(var part)):
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
        case .part(.end):
            guard case .receiving(let head, let body) = state else { return }
            answer(head, body: body ?? ByteBuffer(), context: context)
        case .refusedByParser:
            // As NIO's protocol error handler answers: the parser reads nothing after a refusal.
            state = .answering
            write(.plain(.badRequest), to: nil, context: context)
        case .inputClosed:
            // The peer sends nothing more: a request half-received can never end. What was
            // answered before is still on its way out.
            close(after: context.channel.allocator.buffer(capacity: 0), context)
        }
    }

    private func answer(_ head: HTTPRequestHead, body: ByteBuffer, context: ChannelHandlerContext) {
        state = .answering
        if let answer = fastPath?.answer(head, body: body, peer: peer(of: context)) {
            write(answer, to: head, context: context)
            return
        }
        guard let converted = Self.converted(head) else {
            write(.plain(.badRequest), to: head, context: context)
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

    /// The request head as HTTP Types has it, as NIO's conversion makes it. A target in origin
    /// form (`/path?query`), which webhook requests have, is taken as sent: the conversion parses
    /// every target with `URLComponents` only to find an absolute form's path, and that parse was
    /// the costliest step of converting a request.
    static func converted(_ head: HTTPRequestHead) -> HTTPRequest? {
        guard head.uri.utf8.first == UInt8(ascii: "/") else { return try? HTTPRequest(head, secure: false, splitCookie: false) }
        guard let method = HTTPRequest.Method(head.method.rawValue) else { return nil }
        return HTTPRequest(method: method, scheme: "http", authority: head.headers["Host"].first, path: head.uri,
                           headerFields: HTTPFields(head.headers, splitCookie: false))
    }

    /// The connection's peer address, formatted once: formatting it for each request's log line
    /// cost more than any other field of the line.
    private func peer(of context: ChannelHandlerContext) -> String? {
        if let formatted = peerAddress { return formatted }
        let formatted = context.channel.remoteAddress?.ipAddress
        peerAddress = .some(formatted)
        return formatted
    }

    /// Writes the answer to `request` (nil: one the parser refused, answered as HTTP/1.1 and
    /// closed), then goes on with what waited for it.
    private func write(_ answer: WebhookAnswer, to request: HTTPRequestHead?, context: ChannelHandlerContext) {
        if case .closing = state { return }
        let close = closeAfterAnswer || request.map { !$0.isKeepAlive } ?? true || answer.asksToClose
        let bytes = WebhookResponseBytes.encode(answer, version: request?.version ?? .http1_1, withBody: request?.method != .HEAD,
                                                close: close, allocator: context.channel.allocator)
        if close { return self.close(after: bytes, context) }
        context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
        state = .idle
        while takesArrivals, let arrival = waiting.popFirst() {
            receive(arrival, context: context)
        }
        if takesArrivals, readPending {
            readPending = false
            context.read()
        }
    }

    /// Between answers: a request may begin or go on.
    private var takesArrivals: Bool {
        switch state {
        case .idle, .receiving: true
        case .answering, .closing: false
        }
    }

    private func close(_ context: ChannelHandlerContext) {
        state = .closing
        waiting.removeAll()
        context.close(promise: nil)
    }

    /// Closes once `bytes`, and everything written before them, are out.
    private func close(after bytes: ByteBuffer, _ context: ChannelHandlerContext) {
        state = .closing
        waiting.removeAll()
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(bytes)).whenComplete { _ in channel.close(promise: nil) }
    }
}

@available(*, unavailable)
extension WebhookRequestHandler: Sendable {}
