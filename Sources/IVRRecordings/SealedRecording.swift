import Crypto
import Foundation

/// A recording's bytes as stored: `IVRCREC1`, the key id (length byte, ASCII), then the
/// AES-256-GCM nonce, ciphertext and tag. The magic, key id and recording id are
/// authenticated data, so an object cannot be moved to another recording's name unnoticed.
public enum SealedRecording {
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case notAnObject
        case noKeyID
        case unknownKey(String)
        case tampered

        public var description: String {
            switch self {
            case .notAnObject: "the object is not a sealed recording (truncated or replaced)"
            case .noKeyID: "the object names no key id, so it cannot be opened"
            case .unknownKey(let id): "the object is sealed under key \(id), which is not among the keys given (--key-file)"
            case .tampered: "the object fails authentication: it was altered, truncated or sealed under another key with the same id"
            }
        }
    }

    static let magic = Array("IVRCREC1".utf8)

    public static func seal(_ plaintext: [UInt8], recordingSid: String, keys: RecordingKeyRing) throws -> [UInt8] {
        let header = magic + [UInt8(keys.currentID.utf8.count)] + Array(keys.currentID.utf8)
        let box = try AES.GCM.seal(plaintext, using: keys.current, authenticating: header + Array(recordingSid.utf8))
        guard let combined = box.combined else { throw Refusal.notAnObject }
        return header + Array(combined)
    }

    /// The key id an object names, without opening it.
    public static func keyID(of object: [UInt8]) throws(Refusal) -> String {
        guard object.count > magic.count, Array(object.prefix(magic.count)) == magic else { throw .notAnObject }
        let length = Int(object[magic.count])
        guard length > 0 else { throw .noKeyID }
        let start = magic.count + 1
        guard object.count >= start + length, let id = String(validating: object[start..<(start + length)], as: UTF8.self) else {
            throw .notAnObject
        }
        return id
    }

    public static func open(_ object: [UInt8], recordingSid: String, keys: RecordingKeyRing) throws(Refusal) -> [UInt8] {
        let id = try keyID(of: object)
        guard let key = keys.key(id: id) else { throw .unknownKey(id) }
        let headerLength = magic.count + 1 + id.utf8.count
        // Nonce (12) and tag (16) at least.
        guard object.count >= headerLength + 28 else { throw .notAnObject }
        do {
            let box = try AES.GCM.SealedBox(combined: object[headerLength...])
            let header = Array(object.prefix(headerLength))
            return Array(try AES.GCM.open(box, using: key, authenticating: header + Array(recordingSid.utf8)))
        } catch {
            throw .tampered
        }
    }
}
