import Foundation

/// The address a request came from, for the log: the connection's peer, or — only when the peer
/// is a proxy the operator named (`--trusted-proxy`) — the rightmost `X-Forwarded-For` entry
/// that is not one of those proxies. Entries further left are whatever the client wrote, so
/// they are never believed.
public enum ClientAddress {
    /// The longest textual IPv6 address with an IPv4 tail.
    static let maxLength = 45

    /// `forwardedFor` is read only for a trusted proxy's request (most have none).
    static func resolve(peer: String?, forwardedFor: @autoclosure () -> [String], trustedProxies: Set<String>) -> String? {
        guard let peer, trustedProxies.contains(peer) else { return peer }
        let hops = forwardedFor().flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !trustedProxies.contains(hop) {
            return isAddress(hop) ? hop : "invalid"
        }
        return peer
    }

    /// Digits, hex letters, `.` and `:` only: an address, never text a client smuggled in.
    public static func isAddress(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= maxLength
            && text.utf8.allSatisfy { $0.isHexDigit || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
