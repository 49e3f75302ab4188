import Foundation

/// What is known about a stored transcript, kept beside its sealed text
/// (`transcripts/RECORDING_SID.json`): never the text itself or the caller's number. A
/// transcript Telnyx reported as not completed has no text, so no key, hash or size.
public struct TranscriptMetadata: Codable, Sendable, Equatable {
    public var transcriptionSid: String
    public var recordingSid: String
    public var callSid: String
    public var flow: String
    public var step: String
    public var bundle: String
    /// `TranscriptionStatus` as Telnyx reported it: `completed`, else why there is no text.
    public var status: String
    public var receivedAt: Date
    /// The recording's own retain-until date when it was stored first; `purge` deletes a
    /// transcript with its recording, and one without a recording past this date.
    public var retainUntil: Date
    public var keyID: String?
    /// SHA-256 (hex) of the text's UTF-8 bytes, checked by `ivrc recordings get --transcript`.
    public var plaintextSHA256: String?
    public var plaintextBytes: Int?

    public init(transcriptionSid: String, recordingSid: String, callSid: String, flow: String, step: String, bundle: String,
                status: String, receivedAt: Date, retainUntil: Date, keyID: String?, plaintextSHA256: String?, plaintextBytes: Int?) {
        self.transcriptionSid = transcriptionSid
        self.recordingSid = recordingSid
        self.callSid = callSid
        self.flow = flow
        self.step = step
        self.bundle = bundle
        self.status = status
        self.receivedAt = receivedAt
        self.retainUntil = retainUntil
        self.keyID = keyID
        self.plaintextSHA256 = plaintextSHA256
        self.plaintextBytes = plaintextBytes
    }

    /// True when there is text to read.
    public var hasText: Bool { plaintextSHA256 != nil }

    enum CodingKeys: String, CodingKey {
        case transcriptionSid = "transcription_sid", recordingSid = "recording_sid", callSid = "call_sid", flow, step, bundle, status
        case receivedAt = "received_at", retainUntil = "retain_until"
        case keyID = "key_id", plaintextSHA256 = "plaintext_sha256", plaintextBytes = "plaintext_bytes"
    }

    public func encoded() -> [UInt8] { Array((try? RecordingMetadata.encoder.encode(self)) ?? Data()) }
}
