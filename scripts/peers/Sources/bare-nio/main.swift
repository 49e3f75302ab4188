// Measurement peer for scripts/bench-serve (not part of ivrc): a bare SwiftNIO HTTP/1 server
// answering every request with one file's bytes, the floor under any Swift server on NIO.
//
//     bare-nio FILE PORT
import NIOCore
import NIOHTTP1
import NIOPosix
import PeerDocument

/// Reads a request to its end, then answers the document; keep-alive as the request asks.
final class DocumentHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let document: ByteBuffer
    private var keepAlive = true

    init(document: ByteBuffer) {
        self.document = document
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch Self.unwrapInboundIn(data) {
        case .head(let head):
            keepAlive = head.isKeepAlive
        case .body:
            break
        case .end:
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/xml; charset=utf-8")
            headers.add(name: "Content-Length", value: String(document.readableBytes))
            if !keepAlive {
                headers.add(name: "Connection", value: "close")
            }
            context.write(Self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.write(Self.wrapOutboundOut(.body(.byteBuffer(document))), promise: nil)
            let written = context.writeAndFlush(Self.wrapOutboundOut(.end(nil)))
            if !keepAlive {
                let channel = context.channel
                written.whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
}

let peer = PeerDocument.fromArguments()
let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
    .serverChannelOption(.backlog, value: 256)
    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
    .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline()
            try channel.pipeline.syncOperations.addHandler(DocumentHandler(document: peer.bytes))
        }
    }
    .bind(host: "127.0.0.1", port: peer.port)
    .get()
try await server.closeFuture.get()
