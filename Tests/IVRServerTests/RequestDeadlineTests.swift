@testable import IVRServer
import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing

/// `RequestDeadlineHandler` on virtual time: one check scheduled at a time, re-armed by itself,
/// still closes exactly the connections whose request did not end in time.
@Suite struct RequestDeadlineTests {
    let loop = EmbeddedEventLoop()
    let channel: EmbeddedChannel
    let head = HTTPServerRequestPart.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: "/texml"))

    init() throws {
        var limits = ConnectionLimits()
        limits.headerTimeout = .seconds(10)
        limits.bodyTimeout = .seconds(4)
        channel = EmbeddedChannel(handler: RequestDeadlineHandler<HTTPServerRequestPart>(limits: limits), loop: loop)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 9)).wait()
    }

    @Test func theFirstHeadMustArriveWithinTheHeaderTimeout() {
        loop.advanceTime(by: .milliseconds(9_900))
        #expect(channel.isActive)
        loop.advanceTime(by: .milliseconds(200))
        #expect(!channel.isActive)
    }

    /// The check scheduled for the connection's first head fires in the middle of the second
    /// request: it waits on for that request's own deadline, and closes then.
    @Test func aLaterRequestThatNeverEndsIsClosedItsBodyTimeoutAfterItsHead() throws {
        loop.advanceTime(by: .seconds(2))
        try channel.writeInbound(head)
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        loop.advanceTime(by: .seconds(5))
        try channel.writeInbound(head)
        loop.advanceTime(by: .milliseconds(3_900))
        #expect(channel.isActive)
        loop.advanceTime(by: .milliseconds(200))
        #expect(!channel.isActive)
    }

    /// Between requests the idle timeout watches the connection, not this handler; a request
    /// ending just in time is never cut.
    @Test func requestsThatEndInTimeAreNeverClosed() throws {
        for _ in 0..<20 {
            try channel.writeInbound(head)
            loop.advanceTime(by: .milliseconds(3_900))
            try channel.writeInbound(HTTPServerRequestPart.end(nil))
            loop.advanceTime(by: .seconds(30))
            #expect(channel.isActive)
        }
        _ = try channel.finish()
    }
}
