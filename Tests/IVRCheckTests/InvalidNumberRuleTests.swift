import IVRCheck
import IVRLang
import Testing

@Suite struct InvalidNumberRuleTests {
    let rule = InvalidNumberRule()

    static func flow(number: String, dial: String) -> String {
        """
        flow line
          number \(number)

          step start
            dial \(dial)
        """
    }

    @Test(arguments: ["+0-800-555-0157", "+1-800-555-015712345", "+123456"])
    func invalidInboundNumberIsReportedAtTheSetting(number: String) throws {
        let findings = RuleTesting.findings(rule, Self.flow(number: number, dial: "+1-555-010-0200"))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 2)
        #expect(finding.help?.contains(number.filter { $0 != "-" }) == true)
    }

    @Test(arguments: ["+6834002", "+1-800-555-0157", "+999999999999999"])
    func validNumbersAreAccepted(number: String) {
        #expect(RuleTesting.findings(rule, Self.flow(number: number, dial: number)).isEmpty)
    }

    @Test func dialBlockTargetsAreChecked() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                dial timeout=20s
                  number +1-555-010-0200
                  number +0-555-010-0201
            """)
        #expect(findings.map(\.span.start.line) == [7])
        #expect(findings.first?.message.contains("country codes never start with 0") == true)
    }
}
