import Crypto
import Foundation

/// The AES-256 keys recordings are sealed under, by key id. The first key seals new
/// recordings; the others only open older ones, so a key can be rotated without re-sealing.
public struct RecordingKeyRing: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The key id new recordings are sealed under.
    public let currentID: String
    /// Raw bytes: swift-crypto's key type is not Sendable.
    private let keys: [String: [UInt8]]

    /// - Parameter encodedKeys: each the base64 text of 32 random bytes (`head -c 32 /dev/urandom | base64`).
    public init(encodedKeys: [(source: String, text: String)]) throws {
        var keys: [String: [UInt8]] = [:]
        var order: [String] = []
        for (source, text) in encodedKeys {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let bytes = Data(base64Encoded: trimmed), bytes.count == 32 else {
                throw Failure(description: "\(source) does not hold a recordings key: write the base64 text of 32 random bytes, e.g. `head -c 32 /dev/urandom | base64 > \(source)`")
            }
            let id = Self.id(of: SymmetricKey(data: bytes))
            if keys[id] == nil { order.append(id) }
            keys[id] = Array(bytes)
        }
        guard let first = order.first else { throw Failure(description: "no recordings key given") }
        currentID = first
        self.keys = keys
    }

    /// Reads each key file; the first seals new recordings.
    public static func load(files: [String]) throws -> RecordingKeyRing {
        try RecordingKeyRing(encodedKeys: files.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "cannot read recordings key file \(path)")
            }
            return (path, String(decoding: data, as: UTF8.self))
        })
    }

    public var current: SymmetricKey { SymmetricKey(data: keys[currentID] ?? []) }

    public func key(id: String) -> SymmetricKey? { keys[id].map { SymmetricKey(data: $0) } }

    /// A name for a key that reveals nothing about it: 16 hex digits of a SHA-256 over a label and the key.
    static func id(of key: SymmetricKey) -> String {
        var hash = SHA256()
        hash.update(data: Array("ivrc recordings key".utf8))
        key.withUnsafeBytes { hash.update(bufferPointer: $0) }
        return hash.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
