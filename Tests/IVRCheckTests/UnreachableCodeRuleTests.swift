import IVRCheck
import IVRLang
import Testing

@Suite struct UnreachableCodeRuleTests {
    let rule = UnreachableCodeRule()

    @Test(arguments: [
        ("hangup", "the call has ended at `hangup`"),
        ("goto desk", "`goto` before it moves the call to `desk`"),
        ("redirect https://example.com/next.xml", "`redirect` before it hands the call"),
        ("record max=30s -> desk", "after `record`, the call continues at `desk`"),
    ])
    func firstStatementAfterTheEndIsReportedWithTheReason(ender: String, reason: String) throws {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                \(ender)
                say "Never heard."
                say "Nor this."

              step desk
                dial +1-555-010-0200
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 6)
        #expect(finding.message.contains(reason))
        #expect(finding.notes.first?.span.start.line == 5)
        #expect(finding.help?.contains("move it before") == true)
    }

    @Test func statementAfterAMenuInABranchBlockIsReported() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                menu timeout=5s
                  on 1
                    goto start
                    hangup
                  on timeout -> start
                  on invalid -> start
                say "After the menu."
            """)
        #expect(findings.map(\.span.start.line).sorted() == [8, 11])
    }

    @Test func dialWithoutFallbackContinuesTheStep() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                dial +1-555-010-0200
                say "Goodbye."
                hangup
            """)
        #expect(findings.isEmpty)
    }
}
