import IVRCheck
import IVRLang
import Testing

/// A queue or conference name is written in the flow, never filled from a value: a caller who
/// says "vip support" must not choose whom they are connected to.
@Suite struct ValueInNameTests {
    private func diagnostics(_ body: String) -> [Diagnostic] {
        RuleTesting.frontEndDiagnostics("""
            flow f
              number +1-800-555-0100

              step main
                gather team -> main
                  say "Which team?"
            \(body)
            """)
    }

    @Test(arguments: [
        ("    enqueue {{team}}", "queue"),
        ("    dial\n      queue {{team}}", "queue"),
        ("    dial\n      conference \"room {{team}}\"", "conference"),
    ])
    func aNameFilledFromAValueIsAnErrorAtTheName(_ body: String, _ what: String) throws {
        let found = diagnostics(body).filter { $0.id == "value-in-name" }
        let finding = try #require(found.first, "\(body): \(RuleTesting.describe(diagnostics(body)))")
        #expect(found.count == 1)
        #expect(finding.message == "a \(what) name cannot be filled from `{{team}}`")
        #expect(finding.severity == .error)
        #expect(finding.help?.contains("menu") == true)
    }

    @Test func writtenNamesAndDeployerValuesAreAccepted() {
        for body in ["    enqueue support", "    dial\n      queue support", "    dial conference standup",
                     "    enqueue {{env.queue}}"] {
            #expect(!diagnostics(body).contains { $0.id == "value-in-name" }, "\(body)")
        }
    }
}
