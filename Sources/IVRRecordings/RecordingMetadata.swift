import Foundation

/// What is known about a stored recording, kept beside its sealed object (`SID.json`):
/// never the audio, a transcript or the caller's number.
public struct RecordingMetadata: Codable, Sendable, Equatable {
    public var recordingSid: String
    public var callSid: String
    public var flow: String
    public var step: String
    /// The bundle whose document asked for the recording.
    public var bundle: String
    /// `RecordingDuration` as Telnyx reported it, in seconds.
    public var durationSeconds: Int?
    public var receivedAt: Date
    /// Past this moment `ivrc recordings purge` deletes the recording.
    public var retainUntil: Date
    public var keyID: String
    /// SHA-256 (hex) of the audio, checked by `ivrc recordings get` after opening.
    public var plaintextSHA256: String
    public var plaintextBytes: Int

    public init(recordingSid: String, callSid: String, flow: String, step: String, bundle: String,
                durationSeconds: Int?, receivedAt: Date, retainUntil: Date, keyID: String,
                plaintextSHA256: String, plaintextBytes: Int) {
        self.recordingSid = recordingSid
        self.callSid = callSid
        self.flow = flow
        self.step = step
        self.bundle = bundle
        self.durationSeconds = durationSeconds
        self.receivedAt = receivedAt
        self.retainUntil = retainUntil
        self.keyID = keyID
        self.plaintextSHA256 = plaintextSHA256
        self.plaintextBytes = plaintextBytes
    }

    enum CodingKeys: String, CodingKey {
        case recordingSid = "recording_sid", callSid = "call_sid", flow, step, bundle
        case durationSeconds = "duration_seconds", receivedAt = "received_at", retainUntil = "retain_until"
        case keyID = "key_id", plaintextSHA256 = "plaintext_sha256", plaintextBytes = "plaintext_bytes"
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    public func encoded() -> [UInt8] { Array((try? Self.encoder.encode(self)) ?? Data()) }
}
