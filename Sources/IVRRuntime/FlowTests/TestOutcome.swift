import IVRLang

/// The result of one flow test: passed, or the first thing that went wrong, with the transcript.
public struct TestOutcome: Sendable {
    public let test: FlowTest
    /// Nil when the test passed.
    public let failure: String?
    public let transcript: [CallEvent]

    public var passed: Bool { failure == nil }
}
