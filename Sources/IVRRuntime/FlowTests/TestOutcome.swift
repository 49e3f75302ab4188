import IVRCheck
import IVRLang

/// The result of one flow test: passed, or the first thing that went wrong, with the transcript.
public struct TestOutcome: Sendable {
    public let test: FlowTest
    /// Nil when the test passed.
    public let failure: String?
    public let transcript: [CallEvent]
    /// The branches the call took, for coverage.
    public let branches: [TakenBranch]

    public var passed: Bool { failure == nil }
}

extension TestOutcome {
    /// The `test-failed` finding at the test, with the call's transcript as help; nil when it passed.
    public var diagnostic: Diagnostic? {
        failure.map { failure in
            .error(.testFailed, "test \"\(test.description)\" of flow `\(test.flow)` failed: \(failure)",
                   at: test.span, help: "the call went:\n" + TranscriptFormatter.format(transcript, indent: "    "))
        }
    }
}
