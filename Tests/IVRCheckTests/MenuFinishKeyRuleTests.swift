import IVRCheck
import IVRLang
import Testing

@Suite struct MenuFinishKeyRuleTests {
    let rule = MenuFinishKeyRule()

    static func flow(menu options: String, branch key: String) -> String {
        """
        flow line
          number +1-800-555-0157

          step start
            menu timeout=5s\(options)
              say "Choose."
              on \(key) -> desk
              on 1 -> desk
              on timeout -> desk
              on invalid -> start

          step desk
            dial +1-555-010-0200
        """
    }

    @Test func poundBranchUnderTheDefaultFinishKeyIsAnErrorAtTheBranch() throws {
        let finding = try #require(RuleTesting.findings(rule, Self.flow(menu: "", branch: ##""#""##)).first)
        #expect(finding.severity == .error)
        #expect(finding.span.start.line == 7 && finding.span.start.column == 7)
        #expect(finding.message.contains("`#` ends a menu's input"))
    }

    @Test func aKeySequenceContainingTheFinishKeyIsReported() {
        #expect(RuleTesting.findings(rule, Self.flow(menu: "", branch: ##""1#""##)).count == 1)
    }

    @Test func theMenusOwnFinishKeyIsTheOneThatCounts() throws {
        let starred = Self.flow(menu: #" finish-on-key="*""#, branch: #""*""#)
        let finding = try #require(RuleTesting.findings(rule, starred).first)
        #expect(finding.message.contains("`finish-on-key` includes `*`"))
        #expect(RuleTesting.findings(rule, Self.flow(menu: #" finish-on-key="*""#, branch: ##""#""##)).isEmpty)
    }

    @Test func ordinaryKeysPass() {
        #expect(RuleTesting.findings(rule, Self.flow(menu: "", branch: #""*""#)).isEmpty)
    }
}
