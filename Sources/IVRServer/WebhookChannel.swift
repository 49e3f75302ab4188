import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// The webhook listener's connections: NIO's HTTP/1 request parser, the slowloris and idle
/// guards, and `WebhookRequestHandler`, which answers each whole request (pipelined requests in
/// order, keep-alive, quiescing on graceful shutdown) and writes its response's bytes.
///
/// Why not Hummingbird's `HTTP1Channel`: it turns every connection into async sequences of request
/// and response parts, which cost more CPU per request than ivrc's own work (issue 25's callgrind
/// profile). Why not NIO's whole HTTP/1 server pipeline either: its response encoder and the
/// handlers each response part passes cost a bare NIO server a fifth of its CPU per request
/// (docs/performance.md). Hummingbird still binds the listener, caps connections, drains on
/// shutdown and routes.
struct WebhookChannel: ServerChildChannel {
    struct Value: ServerChildChannelValue {
        let channel: any Channel
    }

    let responder: RouterResponder<ServerRequestContext>
    /// Answers what it can without the router; nil sends every request through the router.
    let fastPath: TeXMLFastPath?
    let limits: ConnectionLimits
    let maxBodyBytes: Int

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
            try pipeline.addHandler(IdleStateHandler(readTimeout: TimeAmount(limits.idleTimeout)))
            try pipeline.addHandler(WebhookRequestHandler(responder: responder, fastPath: fastPath, maxBodyBytes: maxBodyBytes, limits: limits,
                                                          logger: logger))
            return Value(channel: channel)
        }
    }

    /// The connection lives in its channel's handlers; this task only waits for it to close, so
    /// the server's graceful shutdown waits for the requests it has.
    func handle(value: Value, logger: Logger) async {
        try? await value.channel.closeFuture.get()
    }
}
