import Crypto
import Foundation
import IVRBundle

/// Seals the values a call carries (`v=` on every URL the server writes) so that only a server
/// holding the key can read or change them: ChaCha20-Poly1305 with a key derived (HKDF-SHA256)
/// from the operator's key material, the bundle id as associated data. The sealed text holds
/// the moment it was sealed and the call's `CallSid`: a value from another call, or older than
/// a call can last, is refused like a forged one. Every replica given the same key material
/// opens what any other sealed, across restarts.
///
/// A token starts with the id of the key that sealed it (`KEYID.SEALED`), so keys rotate: the
/// current key seals, a previous one (`ValuesKeyring`) still opens what it sealed until those
/// tokens expire with the call lifetime.
public struct ValueSeal: Sendable {
    public struct KeyFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Why carried values were refused (a metric label and log field; never the value).
    public enum Rejection: String, Sendable, Error {
        /// Not base64url, not sealed by this key, changed on the wire, or for another bundle.
        case forged
        /// Sealed longer ago than a call can last, or in the future.
        case stale
        /// Sealed for another call (`CallSid` differs).
        case otherCall = "other-call"
        /// The flow carries values, and the URL has none.
        case missing
        /// Longer than any token this server seals (`maxTokenBytes`): not read at all.
        case tooLarge = "too-large"
    }

    /// Key material shorter than this is refused: a guessable key protects nothing.
    public static let minimumKeyBytes = 32
    /// The longest a call lasts on Telnyx (4 h), plus the signature tolerance for clock skew.
    public static let defaultLifetime: TimeInterval = 4 * 3600 + 300
    /// Tokens longer than this are refused unread (`too-large`). Every token `seal` writes is
    /// shorter: the values it carries are bounded when collected (`CallValues.maxCarriedBytes`),
    /// the `CallSid` by `CallValues.maxValueBytes`. The README's nginx site sizes
    /// `large_client_header_buffers` for a request line holding one.
    public static let maxTokenBytes = 16 * 1024
    /// The most plaintext `seal` seals, so that its token (8-character key id, dot, base64url of
    /// 12-byte nonce + plaintext + 16-byte tag) is at most `maxTokenBytes`. Bounded values
    /// (`CallValues.maxCarriedBytes`), a Telnyx `CallSid` and the moment fill half of it.
    static let maxPlainBytes = (maxTokenBytes - 9) / 4 * 3 - 28

    /// One key: its id (written before the token it sealed) and the derived key's bytes
    /// (swift-crypto's key type is not Sendable, the seal must be).
    private struct Key: Sendable {
        let id: String
        let bytes: [UInt8]
        var symmetric: SymmetricKey { SymmetricKey(data: bytes) }

        init(material: [UInt8]) {
            bytes = Self.derive(material, info: "ivrc carried call values v1", count: 32)
            // Derived apart from the key, so the id says nothing about it.
            id = Self.derive(material, info: "ivrc carried call values key id v1", count: 4)
                .map { String(format: "%02x", $0) }.joined()
        }

        private static func derive(_ material: [UInt8], info: String, count: Int) -> [UInt8] {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: material), info: Array(info.utf8), outputByteCount: count)
                .withUnsafeBytes { Array($0) }
        }
    }

    /// The key that seals, then the previous keys that only open.
    private let keys: [Key]
    let lifetime: TimeInterval

    /// `keyMaterial` seals and opens; each of `previous` only opens (a rotated-out key, until
    /// the tokens it sealed expire).
    public init(keyMaterial: [UInt8], previous: [[UInt8]] = [], lifetime: TimeInterval = ValueSeal.defaultLifetime) throws(KeyFailure) {
        for material in [keyMaterial] + previous where material.count < Self.minimumKeyBytes {
            throw KeyFailure(description: "the values key must hold at least \(Self.minimumKeyBytes) bytes "
                + "(make one with `openssl rand -base64 32 > values.key`); it has \(material.count)")
        }
        keys = ([keyMaterial] + previous).map(Key.init(material:))
        self.lifetime = lifetime
    }

    /// The id written before every token this seal writes.
    public var keyID: String { keys[0].id }

    /// The token for `values`, sealed now for the call `callSid` in bundle `bundle`; empty when
    /// they are more than a token carries (only a `CallSid` no Telnyx call has can make them so).
    public func seal(_ values: CallValues, callSid: String, bundle: String, at now: Date = Date()) -> String {
        let plain = Array("\(Int(now.timeIntervalSince1970))\n\(callSid)\n\(values.formEncoded)".utf8)
        guard plain.count <= Self.maxPlainBytes,
              // ChaChaPoly.seal fails only for a nonce of the wrong size; the default nonce never is.
              let box = try? ChaChaPoly.seal(plain, using: keys[0].symmetric, authenticating: Array(bundle.utf8)) else { return "" }
        return keys[0].id + "." + Self.base64URL(box.combined)
    }

    /// The values in `token`, if one of these keys sealed them for this call and bundle within
    /// the lifetime. A token without a key id (sealed before ids were written) is tried with each key.
    public func open(_ token: String, callSid: String, bundle: String, at now: Date = Date()) -> Result<CallValues, Rejection> {
        guard token.utf8.count <= Self.maxTokenBytes else { return .failure(.tooLarge) }
        let pieces = token.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let candidates = pieces.count == 2 ? keys.filter { $0.id == pieces[0] } : keys
        guard let combined = Self.data(base64URL: String(pieces.last ?? "")),
              let box = try? ChaChaPoly.SealedBox(combined: combined),
              let plain = candidates.lazy.compactMap({ try? ChaChaPoly.open(box, using: $0.symmetric, authenticating: Array(bundle.utf8)) }).first,
              let text = String(bytes: plain, encoding: .utf8) else { return .failure(.forged) }
        let parts = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let sealed = TimeInterval(parts[0]), let values = CallValues(formEncoded: String(parts[2])) else {
            return .failure(.forged)
        }
        let age = now.timeIntervalSince1970 - sealed
        guard age <= lifetime, age >= -300 else { return .failure(.stale) }
        guard parts[1] == callSid else { return .failure(.otherCall) }
        return .success(values)
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
