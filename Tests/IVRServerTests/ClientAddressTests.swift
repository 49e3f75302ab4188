@testable import IVRServer
import Testing

/// `X-Forwarded-For` is believed only from a proxy the operator named, and only its rightmost
/// entry that is not one of those proxies; anything that is not an address is logged as `invalid`.
@Suite struct ClientAddressTests {
    @Test(arguments: [
        ("10.0.0.9", ["203.0.113.9"], [], "10.0.0.9"),
        ("127.0.0.1", ["6.6.6.6, 203.0.113.9"], ["127.0.0.1"], "203.0.113.9"),
        ("127.0.0.1", ["6.6.6.6", "203.0.113.9, 10.0.0.2"], ["127.0.0.1", "10.0.0.2"], "203.0.113.9"),
        ("127.0.0.1", [], ["127.0.0.1"], "127.0.0.1"),
        ("127.0.0.1", ["2001:db8::7"], ["127.0.0.1"], "2001:db8::7"),
        ("127.0.0.1", ["\"}{injected"], ["127.0.0.1"], "invalid"),
    ])
    func resolves(_ peer: String, _ forwardedFor: [String], _ trusted: [String], _ expected: String) {
        #expect(ClientAddress.resolve(peer: peer, forwardedFor: forwardedFor, trustedProxies: Set(trusted)) == expected)
    }
}
