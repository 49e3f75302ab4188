import IVRCheck
import IVRLang
import Testing

@Suite struct MenuFallbackRuleTests {
    let rule = MenuFallbackRule()

    static func flow(_ branches: String) -> String {
        """
        flow line
          number +1-800-555-0157

          step start
            menu timeout=5s
              say "Press 1."
              on 1 -> desk
        \(branches)

          step desk
            dial +1-555-010-0200
        """
    }

    @Test func missingInvalidSuggestsTheTimeoutTarget() throws {
        let finding = try #require(RuleTesting.findings(rule, Self.flow("      on timeout -> desk")).first)
        #expect(finding.span.start.line == 5)
        #expect(finding.severity == .warning)
        #expect(finding.message.hasSuffix("presses a key it does not offer"))
        #expect(finding.help == "add `on invalid -> desk`")
    }

    @Test func missingTimeoutSuggestsTheInvalidTarget() throws {
        let finding = try #require(RuleTesting.findings(rule, Self.flow("      on invalid -> start")).first)
        #expect(finding.message.hasSuffix("presses nothing"))
        #expect(finding.help == "add `on timeout -> start`")
    }

    @Test func bothMissingIsOneFindingShowingBothLines() throws {
        let findings = RuleTesting.findings(rule, Self.flow(""))
        #expect(findings.count == 1)
        #expect(findings.first?.help == "add `on timeout -> start` and `on invalid -> start`")
    }

    @Test func completeMenuIsFine() {
        #expect(RuleTesting.findings(rule, Self.flow("      on timeout -> desk\n      on invalid -> start")).isEmpty)
    }
}
