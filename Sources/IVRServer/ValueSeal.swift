import Crypto
import Foundation
import IVRBundle

/// Seals the values a call carries (`v=` on every URL the server writes) so that only a server
/// holding the key can read or change them: ChaCha20-Poly1305 with a key derived (HKDF-SHA256)
/// from the operator's key material, the bundle id as associated data. The sealed text holds
/// the moment it was sealed and the call's `CallSid`: a value from another call, or older than
/// a call can last, is refused like a forged one. Every replica given the same key material
/// opens what any other sealed, across restarts.
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
    }

    /// Key material shorter than this is refused: a guessable key protects nothing.
    public static let minimumKeyBytes = 32
    /// The longest a call lasts on Telnyx (4 h), plus the signature tolerance for clock skew.
    public static let defaultLifetime: TimeInterval = 4 * 3600 + 300

    /// The derived key's bytes: swift-crypto's key type is not Sendable, the seal must be.
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }
    let lifetime: TimeInterval

    public init(keyMaterial: [UInt8], lifetime: TimeInterval = ValueSeal.defaultLifetime) throws {
        guard keyMaterial.count >= Self.minimumKeyBytes else {
            throw KeyFailure(description: "the values key must hold at least \(Self.minimumKeyBytes) bytes "
                + "(make one with `head -c 32 /dev/urandom | base64 > values.key`); it has \(keyMaterial.count)")
        }
        keyBytes = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: keyMaterial),
                                          info: Array("ivrc carried call values v1".utf8), outputByteCount: 32)
            .withUnsafeBytes { Array($0) }
        self.lifetime = lifetime
    }

    /// The token for `values`, sealed now for the call `callSid` in bundle `bundle`.
    public func seal(_ values: CallValues, callSid: String, bundle: String, at now: Date = Date()) -> String {
        let plain = "\(Int(now.timeIntervalSince1970))\n\(callSid)\n\(values.formEncoded)"
        // ChaChaPoly.seal fails only for a nonce of the wrong size; the default nonce never is.
        guard let box = try? ChaChaPoly.seal(Array(plain.utf8), using: key, authenticating: Array(bundle.utf8)) else { return "" }
        return Self.base64URL(box.combined)
    }

    /// The values in `token`, if this key sealed them for this call and bundle within the lifetime.
    public func open(_ token: String, callSid: String, bundle: String, at now: Date = Date()) -> Result<CallValues, Rejection> {
        guard let combined = Self.data(base64URL: token),
              let box = try? ChaChaPoly.SealedBox(combined: combined),
              let plain = try? ChaChaPoly.open(box, using: key, authenticating: Array(bundle.utf8)),
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
        guard text.utf8.count < 16 * 1024 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
