// Measurement peer for scripts/bench-serve (not part of ivrc): a bare Hummingbird 2 app, one POST
// route that collects the body as a webhook would and answers one file's bytes. Run as `ivrc serve`
// runs Hummingbird (Swift concurrency on NIO's event loops), so it is ivrc's stack's ceiling.
//
//     bare-hummingbird FILE PORT
import Hummingbird
import NIOCore
import NIOPosix
import PeerDocument

NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
let peer = PeerDocument.fromArguments()
let router = Router()
router.post("texml") { request, _ -> Response in
    var request = request
    _ = try await request.collectBody(upTo: 64 * 1024)
    return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: peer.bytes))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: peer.port)))
try await app.runService()
