import IVRCheck
import IVRLang
import Testing

@Suite struct DialLoopbackRuleTests {
    let rule = DialLoopbackRule()

    static func flow(_ body: String) -> String {
        """
        flow front_desk
          number +1-800-555-0157

          step start
        \(body)
        """
    }

    @Test func ownNumberWrittenDifferentlyIsReportedAtTheTarget() throws {
        let findings = RuleTesting.findings(rule, Self.flow("    dial +1800-5550-157 timeout=30s"))
        let finding = try #require(findings.first)
        #expect(finding.span.start.line == 5 && finding.span.start.column == 10)
        #expect(finding.help?.hasPrefix("this dials the number the flow answers on; the call would ring back into this line") == true)
        #expect(finding.notes.first?.span.start.line == 2)
    }

    @Test(arguments: [
        "sip:+1-800-555-0157@carrier.example.com",
        "sip:18005550157@carrier.example.com;user=phone",
        "sip:%2B18005550157@carrier.example.com",
    ])
    func sipUserPartThatIsTheOwnNumberIsReported(uri: String) {
        let findings = RuleTesting.findings(rule, Self.flow("""
                dial
                  sip \(uri)
            """))
        #expect(findings.count == 1)
    }

    @Test func referAndTelRedirectToTheOwnNumberAreReported() {
        let findings = RuleTesting.findings(rule, Self.flow("""
                refer sip:+18005550157@carrier.example.com
            """)) + RuleTesting.findings(rule, Self.flow("""
                redirect tel://+1-800-555-0157
            """))
        #expect(findings.count == 2)
    }

    @Test func otherTargetsAreFine() {
        let findings = RuleTesting.findings(rule, Self.flow("""
                dial
                  number +1-800-596-3058
                  sip sip:desk@clinic.example.com
                  queue front_desk
            """))
        #expect(findings.isEmpty)
    }

    @Test func loopbackInAnyStepIsReportedEvenIfUnreachable() {
        let findings = RuleTesting.findings(rule, """
            flow front_desk
              number +1-800-555-0157

              step start
                hangup

              step old
                dial +1-800-555-0157
            """)
        #expect(findings.map(\.span.start.line) == [8])
    }
}
