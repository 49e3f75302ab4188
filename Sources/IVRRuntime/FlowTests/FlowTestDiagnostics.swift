import IVRCheck

/// The ids `ivrc test` reports, described for SARIF's rule table: a failed call test is a
/// result like any finding, so CI can show it as an annotation at the test.
public enum FlowTestDiagnostics {
    public static let all: [RuleDescription] = [
        RuleDescription(
            id: "test-syntax", severity: .error, summary: "A `test` block cannot be read.",
            explanation: """
                A line of a `test` block is not a caller event (`press 1`, `speak "billing"`, …) or an \
                `expect` line the test runner knows, or names a step the flow does not have; no test \
                runs until it is fixed.
                """,
            failing: [], passing: []),
        RuleDescription(
            id: "test-failed", severity: .error, summary: "A call test did not go as expected.",
            explanation: """
                The `test` block's simulated call ran through the compiled documents and routes, and \
                an expectation did not hold. The message names the first one that failed; the help \
                shows the call's transcript.
                """,
            failing: [], passing: []),
        RuleDescription(
            id: "path-problem", severity: .error, summary: "A call path found by `ivrc test --paths` goes wrong.",
            explanation: """
                Following every caller choice up to the depth given found a path that hangs up \
                without reaching a person, loops without caller input, records before the \
                disclosure, or reaches a missing document or route.
                """,
            failing: [], passing: []),
    ]
}
