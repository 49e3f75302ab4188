import IVRCheck
import IVRLang

/// The ids `ivrc test` reports, described for SARIF's rule table: a failed call test is a
/// result like any finding, so CI can show it as an annotation at the test.
public enum FlowTestDiagnostics {
    public static let all: [RuleDescription] = [
        DiagnosticID.testSyntax, .testFailed, .pathProblem,
    ].map { RuleDescription($0) }
}

extension DiagnosticID {
    public static let testSyntax = DiagnosticID(
        "test-syntax", summary: "A `test` block cannot be read.",
        explanation: """
            A line of a `test` block is not a caller event (`press 1`, `speak "billing"`, …) or an \
            `expect` line the test runner knows, or names a step the flow does not have; no test \
            runs until it is fixed.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "For billing, press 1."
                  on 1 -> billing
                  on timeout -> billing
                  on invalid -> billing

              step billing
                dial +1-555-010-0300

              test "billing answers on 1"
                press 1
                expect ↓dailed +1-555-010-0300
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "For billing, press 1."
                  on 1 -> billing
                  on timeout -> billing
                  on invalid -> billing

              step billing
                dial +1-555-010-0300

              test "billing answers on 1"
                press 1
                expect dial +1-555-010-0300
            """,
        ])

    public static let testFailed = DiagnosticID(
        "test-failed", summary: "A call test did not go as expected.",
        explanation: """
            The `test` block's simulated call ran through the compiled documents and routes, and \
            an expectation did not hold. The message names the first one that failed; the help \
            shows the call's transcript.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "For billing, press 1."
                  on 1 -> billing
                  on timeout -> billing
                  on invalid -> billing

              step billing
                dial +1-555-010-0300

              ↓test "billing answers on 1"
                press 1
                expect dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "For billing, press 1."
                  on 1 -> billing
                  on timeout -> billing
                  on invalid -> billing

              step billing
                dial +1-555-010-0300

              test "billing answers on 1"
                press 1
                expect dial +1-555-010-0300
            """,
        ])

    public static let pathProblem = DiagnosticID(
        "path-problem", summary: "A call path found by `ivrc test --paths` goes wrong.",
        explanation: """
            Following every caller choice up to the depth given found a path that hangs up \
            without reaching a person, loops without caller input, records before the \
            disclosure, or reaches a missing document or route.
            """,
        reported: [
            """
            flow ↓front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> closed

              step closed
                say "Nobody is free."
                hangup
            """,
        ])
}
