import IVRCheck
import IVRLang
import Testing

/// A country code written before a value (`dial +44{{x}}`) that the dial's bound cannot admit is
/// refused when the flow is compiled, not on every call when the document is answered.
@Suite struct DialPrefixConflictTests {
    private func diagnostics(settings: String = "", dial: String) -> [Diagnostic] {
        RuleTesting.frontEndDiagnostics("""
            flow f
              number +1-800-555-0100
            \(settings)
              step main
                gather x num-digits=10 -> ring
                  say "Your number?"
                  on timeout -> main

              step ring
                \(dial)
            """)
    }

    @Test func aWrittenPrefixOutsideTheFlowsDialPrefixesIsAnErrorAtTheTarget() throws {
        let all = diagnostics(settings: "  dial-prefixes +1 +1-876\n", dial: "dial +44{{x}}")
        let finding = try #require(all.first { $0.id == "dial-prefix-conflict" }, "\(RuleTesting.describe(all))")
        #expect(finding.message == "`+44` is written before the value, and the flow's `dial-prefixes` allows only +1, +1876: "
            + "every number this dial fills would be refused")
        #expect(finding.span.start.line == 11 && finding.span.start.column == 10, "\(finding.span)")
        #expect(finding.notes.first?.span.start.line == 3, "points at the bound")
        #expect(finding.severity == .error)
    }

    @Test func aWrittenPrefixOutsideTheDialsAllowIsAnErrorNamingAllow() throws {
        let all = diagnostics(settings: "  dial-prefixes +44\n", dial: "dial +44{{x}} allow=+1")
        let finding = try #require(all.first { $0.id == "dial-prefix-conflict" }, "\(RuleTesting.describe(all))")
        #expect(finding.message.contains("`allow=` allows only +1"), "\(finding.message)")
        #expect(finding.notes.first?.span.start.line == 11)
    }

    /// A prefix that the bound starts with, or that starts the bound, can still be filled into an allowed number.
    @Test(arguments: [("  dial-prefixes +1-876\n", "dial +1{{x}}"), ("  dial-prefixes +1\n", "dial +1876{{x}}"),
                      ("", "dial +44{{x}}"), ("", "dial {{x}} allow=+1")])
    func aPrefixTheBoundCanAdmitIsAccepted(_ settings: String, _ dial: String) {
        let all = diagnostics(settings: settings, dial: dial)
        #expect(!all.contains { $0.id == "dial-prefix-conflict" }, "\(RuleTesting.describe(all))")
    }
}
