import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A loopback stand-in for Telnyx's media host: the spoken WAV, a 404, a redirect to a plain
/// http host elsewhere, a body that stalls, a body larger than it says, and a hit counter.
public struct MediaHost {
    public final class Hits: Sendable {
        private let count = Mutex(0)
        public func add() { count.withLock { $0 += 1 } }
        public var value: Int { count.withLock { $0 } }
    }

    public let hits = Hits()

    public init() {}

    /// Serves `audio` at `/recordings/ok.wav` and runs `body` with the host's base URL.
    public func run<T: Sendable>(audio: [UInt8] = SpokenWAV.bytes, _ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        let hits = hits
        router.get("recordings/ok.wav") { _, _ in
            hits.add()
            return Response(status: .ok, headers: [.contentType: "audio/wav"], body: .init(byteBuffer: ByteBuffer(bytes: audio)))
        }
        router.get("recordings/moved.wav") { _, _ in
            Response(status: .found, headers: [.location: "/recordings/ok.wav?signature=secret"])
        }
        router.get("recordings/downgraded.wav") { _, _ in
            Response(status: .found, headers: [.location: "http://media.example.com/recordings/ok.wav"])
        }
        router.get("recordings/stalled.wav") { _, _ in
            Response(status: .ok, headers: [.contentType: "audio/wav"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(bytes: audio.prefix(1000)))
                try? await Task.sleep(for: .seconds(12))  // longer than any download timeout the tests set
                try await writer.finish(nil)
            })
        }
        router.get("recordings/endless.wav") { _, _ in
            // No Content-Length: only counting the bytes can stop it. Written in one piece: with 64
            // writes, each waiting for a turn on the test process's busy executor, one CI run of
            // the whole suite counted this download `timed-out` instead of `too-large`.
            Response(status: .ok, headers: [.contentType: "audio/wav"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(bytes: [UInt8](repeating: 7, count: 64 * 4096)))
                try await writer.finish(nil)
            })
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port ?? 0)")
        }
    }
}
