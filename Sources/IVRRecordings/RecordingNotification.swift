/// The fields of Telnyx's TeXML recording status callback this receiver uses
/// (https://developers.telnyx.com/api-reference/callbacks/texml-recording-completed):
/// `RecordingSid`, `RecordingUrl`, `RecordingStatus`, `RecordingDuration`, `CallSid`.
/// Which flow and step it belongs to comes from the receiver's own URL, never from here.
public struct RecordingNotification: Sendable {
    public enum Status: Sendable, Equatable {
        /// `completed`: the recording can be fetched now.
        case completed(url: String)
        /// `in-progress`, `absent` (nothing was recorded), or anything else: nothing to fetch.
        case other(String)
    }

    public let recordingSid: String
    public let callSid: String
    public let durationSeconds: Int?
    public let status: Status

    /// Nil when a field the receiver needs is missing or unsafe to use as a file name.
    public init?(fields: [String: String]) {
        guard let sid = fields["RecordingSid"], RecordingIdentifier.isSafe(sid),
              let callSid = fields["CallSid"], !callSid.isEmpty, callSid.utf8.count <= 256 else { return nil }
        recordingSid = sid
        self.callSid = callSid
        durationSeconds = fields["RecordingDuration"].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
        // A callback without a status (older senders) reports a finished recording.
        let reported = fields["RecordingStatus"] ?? "completed"
        if reported == "completed" {
            guard let url = fields["RecordingUrl"], !url.isEmpty else { return nil }
            status = .completed(url: url)
        } else {
            status = .other(reported)
        }
    }
}
