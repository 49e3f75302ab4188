/// The fields of Telnyx's TeXML transcription callback this receiver uses, sent to
/// `transcriptionCallback` of a `<Record transcription="true">`
/// (https://developers.telnyx.com/api-reference/callbacks/texml-transcription):
/// `TranscriptionSid`, `TranscriptionStatus`, `TranscriptionText`, `RecordingSid`, `CallSid`.
/// `RecordingUrl` is not used: the recording comes through its own callback.
public struct TranscriptNotification: Sendable {
    public enum Status: Sendable, Equatable {
        /// `completed`: the text of the recording (possibly empty: nothing was said).
        case completed(text: String)
        /// Any other status (`failed`, …): there is no text, only the status to record.
        case other(String)
    }

    public let transcriptionSid: String
    public let recordingSid: String
    public let callSid: String
    public let status: Status

    /// Nil when a field the receiver needs is missing or unsafe to use as a file name.
    public init?(fields: [String: String]) {
        guard let sid = fields["TranscriptionSid"], RecordingIdentifier.isSafe(sid),
              let recordingSid = fields["RecordingSid"], RecordingIdentifier.isSafe(recordingSid),
              let callSid = fields["CallSid"], !callSid.isEmpty, callSid.utf8.count <= 256 else { return nil }
        transcriptionSid = sid
        self.recordingSid = recordingSid
        self.callSid = callSid
        // A callback without a status but with text reports a finished transcription.
        let reported = fields["TranscriptionStatus"] ?? (fields["TranscriptionText"] == nil ? "" : "completed")
        if reported == "completed" {
            guard let text = fields["TranscriptionText"] else { return nil }
            status = .completed(text: text)
        } else {
            // Only a short, safe status word is kept in metadata; anything else is recorded as `failed`.
            status = .other(RecordingIdentifier.isSafe(reported, maxLength: 32) ? reported : "failed")
        }
    }
}
