// Measurement peer for scripts/bench-serve (not part of ivrc): the `FILE PORT` arguments both peers take.
import Foundation
import NIOCore

/// The bytes a peer answers every request with, and the loopback port it listens on.
public struct PeerDocument: Sendable {
    public let bytes: ByteBuffer
    public let port: Int

    /// Reads `FILE PORT` from the command line; a usage line and exit 2 when they are missing or unreadable.
    public static func fromArguments() -> PeerDocument {
        let arguments = CommandLine.arguments
        let name = (arguments.first as NSString?)?.lastPathComponent ?? "peer"
        guard arguments.count == 3, let port = Int(arguments[2]), (1...65535).contains(port) else {
            fail("usage: \(name) FILE PORT (answers every POST with FILE's bytes on 127.0.0.1:PORT)")
        }
        guard let contents = FileManager.default.contents(atPath: arguments[1]) else {
            fail("\(name): cannot read \(arguments[1])")
        }
        return PeerDocument(bytes: ByteBuffer(bytes: contents), port: port)
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}
