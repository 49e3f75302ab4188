/// The parameters Telnyx sends with its TeXML requests: what a `{{NAME}}` may be filled from
/// besides the values a call carries.
public enum TelnyxRequestParameters {
    /// Parameters Telnyx sends with its TeXML requests (call, gather, dial and recording
    /// callbacks), per the Telnyx TeXML webhook reference. Mustache names are case-sensitive.
    public static let names: Set<String> = [
        "AccountSid", "ApiVersion", "CallSid", "CallSidLegacy", "CallSessionId", "CallLegId", "CallControlId",
        "ConnectionId", "From", "To", "CallerId", "CallerName", "CallStatus", "Direction", "ParentCallSid",
        "CallDuration", "Digits", "SpeechResult", "Confidence", "DialCallStatus", "DialCallSid",
        "DialCallDuration", "RecordingUrl", "RecordingSid", "RecordingDuration", "RecordingStatus",
        "RecordingChannels", "RecordingSource", "TranscriptionText", "QueueSid", "QueueResult", "QueueTime",
        "HangupCause", "HangupSource",
    ]
}
