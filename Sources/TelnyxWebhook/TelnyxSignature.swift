import Crypto
import Foundation

/// Telnyx's webhook signature: header `telnyx-signature-ed25519` holds the base64 Ed25519
/// signature of `telnyx-timestamp + "|" + raw body`, made with the account's private key and
/// checked with its base64 public key (docs/deploy.md, Signatures). The server verifies; test callers sign.
public enum TelnyxSignature {
    public static let signatureHeader = "telnyx-signature-ed25519"
    public static let timestampHeader = "telnyx-timestamp"
    /// Telnyx's SDKs refuse timestamps further than this from the receiver's clock.
    public static let defaultTolerance: TimeInterval = 300

    /// Why a request was refused; the raw values are metric labels.
    public enum Rejection: String, Sendable, Error, CaseIterable {
        case missing, malformed, forged, stale
    }

    /// What is signed: the timestamp, a bar, then the body exactly as sent.
    static func signedBytes(timestamp: String, body: [UInt8]) -> [UInt8] {
        Array(timestamp.utf8) + Array("|".utf8) + body
    }

    /// Signs requests as Telnyx does, with an account's private key (test callers, `--telnyx-private-key`).
    public struct Signer: Sendable {
        /// The raw 32-byte key; swift-crypto's key type is not `Sendable`.
        private let privateKey: Data

        /// Nil when `base64` is not a 32-byte Ed25519 private key.
        public init?(privateKeyBase64 base64: String) {
            guard let raw = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
                  (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil else { return nil }
            self.privateKey = raw
        }

        /// The two headers for `body` sent at `timestamp` (Unix seconds).
        public func headers(body: [UInt8], timestamp: String) throws -> [String: String] {
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: privateKey)
            let signature = try key.signature(for: signedBytes(timestamp: timestamp, body: body))
            return [timestampHeader: timestamp, signatureHeader: signature.base64EncodedString()]
        }
    }

    /// Checks requests against one account's public key.
    public struct Verifier: Sendable {
        /// swift-crypto's key is immutable and safe to share between threads, but its type is not
        /// marked `Sendable`; this box says so once, so the key is parsed once, not per request.
        private final class SharedKey: @unchecked Sendable {
            let key: Curve25519.Signing.PublicKey
            init(_ key: Curve25519.Signing.PublicKey) { self.key = key }
        }

        private let publicKey: SharedKey
        public let tolerance: TimeInterval

        /// Nil when `base64` is not a 32-byte Ed25519 public key.
        public init?(publicKeyBase64 base64: String, tolerance: TimeInterval = TelnyxSignature.defaultTolerance) {
            guard let raw = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
                  let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return nil }
            self.publicKey = SharedKey(key)
            self.tolerance = tolerance
        }

        /// Nil when the request is authentic and fresh, otherwise why not.
        public func rejection(signature: String?, timestamp: String?, body: [UInt8], now: Date = Date()) -> Rejection? {
            guard let signature, let timestamp, !signature.isEmpty, !timestamp.isEmpty else { return .missing }
            guard timestamp.utf8.count <= 20, let seconds = Int64(timestamp),
                  let bytes = Data(base64Encoded: signature), bytes.count == 64 else { return .malformed }
            guard publicKey.key.isValidSignature(bytes, for: TelnyxSignature.signedBytes(timestamp: timestamp, body: body)) else {
                return .forged
            }
            guard abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance else { return .stale }
            return nil
        }
    }
}
