import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Closes a connection whose peer is too slow to finish a request: the head of the first
/// request must arrive within the header timeout of the connection opening, a body within the
/// body timeout of its head. A slowloris client (headers never finished, a body trickled a byte
/// at a time) holds its descriptor for seconds, not forever. Between requests on a kept-alive
/// connection the idle timeout applies. Generic over the request parts it watches: HTTP Types'
/// on Hummingbird's operations listener (`WebhookRequestHandler` keeps its own `RequestDeadline`).
final class RequestDeadlineHandler<Part: HTTPRequestStreamPart>: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Part
    typealias InboundOut = Part

    private let deadline: RequestDeadline

    init(limits: ConnectionLimits) {
        deadline = RequestDeadline(limits: limits)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { deadline.connectionOpened(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        deadline.connectionOpened(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        deadline.arrived(unwrapInboundIn(data).stage, context)
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) { deadline.stop() }

    func channelInactive(context: ChannelHandlerContext) {
        deadline.stop()
        context.fireChannelInactive()
    }
}

/// The deadline of a connection's request under way, kept by the handler that sees its parts
/// arrive, on the connection's event loop.
final class RequestDeadline {
    private let headerTimeout: TimeAmount
    private let bodyTimeout: TimeAmount
    /// When the request under way must have ended (its head, for the connection's first); nil
    /// between requests.
    private var deadline: NIODeadline?
    /// At most one check is scheduled; it schedules the next itself when a request is under way.
    /// A timer set and cancelled for every request cost more than the rest of this handler.
    private var check: Scheduled<Void>?

    init(limits: ConnectionLimits) {
        headerTimeout = TimeAmount(limits.headerTimeout)
        bodyTimeout = TimeAmount(limits.bodyTimeout)
    }

    /// The connection is open: its first head must arrive within the header timeout.
    func connectionOpened(_ context: ChannelHandlerContext) {
        expect(within: headerTimeout, context)
    }

    /// A part arrived (when it arrived, not when it is answered).
    func arrived(_ stage: HTTPRequestStage, _ context: ChannelHandlerContext) {
        switch stage {
        case .head: expect(within: bodyTimeout, context)
        case .body: break
        case .end: deadline = nil
        }
    }

    func stop() {
        check?.cancel()
        check = nil
        deadline = nil
    }

    /// The request under way must end within `timeout` from now.
    private func expect(within timeout: TimeAmount, _ context: ChannelHandlerContext) {
        let due = context.eventLoop.now + timeout
        deadline = due
        if check == nil { schedule(at: due, on: context.eventLoop, closing: context.channel) }
    }

    private func schedule(at due: NIODeadline, on eventLoop: any EventLoop, closing channel: any Channel) {
        let watcher = NIOLoopBound(self, eventLoop: eventLoop)
        check = eventLoop.scheduleTask(deadline: due) {
            let watcher = watcher.value
            watcher.check = nil
            // Between requests: the next head schedules again, the idle timeout watches meanwhile.
            guard let deadline = watcher.deadline else { return }
            if deadline <= eventLoop.now {
                channel.close(promise: nil)
            } else {
                watcher.schedule(at: deadline, on: eventLoop, closing: channel)
            }
        }
    }
}

@available(*, unavailable)
extension RequestDeadline: Sendable {}

@available(*, unavailable)
extension RequestDeadlineHandler: Sendable {}

/// Where a request part stands in its request, for handlers that work with either part type.
protocol HTTPRequestStreamPart {
    var stage: HTTPRequestStage { get }
}

enum HTTPRequestStage {
    case head, body, end
}

extension HTTPServerRequestPart: HTTPRequestStreamPart {
    var stage: HTTPRequestStage {
        switch self {
        case .head: .head
        case .body: .body
        case .end: .end
        }
    }
}

extension HTTPRequestPart: HTTPRequestStreamPart {
    var stage: HTTPRequestStage {
        switch self {
        case .head: .head
        case .body: .body
        case .end: .end
        }
    }
}
