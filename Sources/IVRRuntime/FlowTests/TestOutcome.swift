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
    /// What `ivrc test` prints for it: `ok   FLOW: TEST`, or `FAIL FLOW: TEST` with the failure
    /// and the call's transcript.
    public var report: String {
        guard let failure else { return "ok   \(test.flow): \(test.description)\n" }
        return "FAIL \(test.flow): \(test.description)\n  \(failure)\n  transcript:\n"
            + TranscriptFormatter.format(transcript, indent: "    ")
    }

    /// The `test-failed` finding at the test, with the call's transcript as help; nil when it passed.
    public var diagnostic: Diagnostic? {
        failure.map { failure in
            .error(.testFailed, "test \"\(test.description)\" of flow `\(test.flow)` failed: \(failure)",
                   at: test.span, help: "the call went:\n" + TranscriptFormatter.format(transcript, indent: "    "))
        }
    }
}
