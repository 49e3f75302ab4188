import IVRCheck
import IVRLang
import Testing

@Suite struct EmergencyRouteRuleTests {
    let rule = EmergencyRouteRule()

    @Test(arguments: ["healthcare", "fleet"])
    func regulatedFlowWithoutEmergencyStepIsReportedAtItsName(industry: String) throws {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157
              industry \(industry)

              step start
                dial +1-555-010-0200
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 1 && finding.span.start.column == 6)
        #expect(finding.help?.contains("emergency") == true)
    }

    @Test func generalFlowsNeedNoEmergencyStep() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157
              industry general

              step start
                dial +1-555-010-0200
            """)
        #expect(findings.isEmpty)
    }

    @Test func eachFlowIsJudgedOnItsOwn() {
        let findings = RuleTesting.findings(rule, """
            flow covered
              number +1-800-555-0157
              industry fleet

              step dispatch emergency
                dial +1-555-020-0911 -> dispatch

            flow uncovered
              number +1-800-596-3058
              industry healthcare

              step start
                dial +1-555-010-0200
            """)
        #expect(findings.map(\.message) == ["healthcare flow `uncovered` has no emergency step"])
    }
}
