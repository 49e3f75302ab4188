import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Closes a connection whose peer is too slow to finish a request: the head of the first
/// request must arrive within the header timeout of the connection opening, a body within the
/// body timeout of its head. A slowloris client (headers never finished, a body trickled a byte
/// at a time) holds its descriptor for seconds, not forever. Between requests on a kept-alive
/// connection the idle timeout applies. Generic over the request parts it watches: NIO's on the
/// webhook listener, HTTP Types' on Hummingbird's operations listener.
final class RequestDeadlineHandler<Part: HTTPRequestStreamPart>: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Part
    typealias InboundOut = Part

    private let headerTimeout: TimeAmount
    private let bodyTimeout: TimeAmount
    private var deadline: Scheduled<Void>?

    init(limits: ConnectionLimits) {
        headerTimeout = TimeAmount(limits.headerTimeout)
        bodyTimeout = TimeAmount(limits.bodyTimeout)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(headerTimeout, context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(headerTimeout, context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data).stage {
        case .head: arm(bodyTimeout, context)
        case .body: break
        case .end: disarm()
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    private func arm(_ timeout: TimeAmount, _ context: ChannelHandlerContext) {
        disarm()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}

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
