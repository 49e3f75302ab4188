import IVRCheck
import IVRLang
import Testing

@Suite struct EmergencyLiveDialRuleTests {
    let rule = EmergencyLiveDialRule()

    static func flow(_ emergencyBody: String) -> String {
        """
        flow line
          number +1-888-555-0162
          industry fleet

          step dispatch emergency
        \(emergencyBody)

          step backup
            dial +1-555-020-0912
        """
    }

    @Test func dialWithoutFallbackIsReportedAtTheDial() throws {
        let findings = RuleTesting.findings(rule, Self.flow("""
                say "Connecting you."
                dial +1-555-020-0911
            """))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 7)
        #expect(finding.help?.contains("-> STEP") == true)
    }

    @Test func messageThenHangupIsNoFallback() {
        let findings = RuleTesting.findings(rule, Self.flow("""
                dial +1-555-020-0911
                say "Nobody answered."
                hangup
            """))
        #expect(findings.count == 1)
    }

    @Test func aSecondDialAfterTheFirstIsAFallback() {
        let findings = RuleTesting.findings(rule, Self.flow("""
                dial sip:dispatch@fleet.example.com
                dial +1-555-020-0912
            """))
        #expect(findings.isEmpty)
    }

    @Test(arguments: [
        ("    record max=60s -> backup", "record"),
        ("    enqueue dispatch", "enqueue"),
        ("    hangup", "hangup"),
        ("    redirect https://example.com/texml.xml", "redirect"),
    ])
    func blockingStatementBeforeTheDialIsReported(body: String, keyword: String) throws {
        let findings = RuleTesting.findings(rule, Self.flow(body))
        let finding = try #require(findings.first)
        #expect(finding.message.contains("reaches `\(keyword)` before it dials a person"))
        #expect(finding.span.start.line == 6)
    }

    @Test func queueDialIsNotALiveDial() throws {
        let findings = RuleTesting.findings(rule, Self.flow("    dial queue dispatchers -> backup"))
        #expect(try #require(findings.first).message.contains("queue or conference"))
    }

    @Test func dialReachedThroughGotosCounts() {
        let findings = RuleTesting.findings(rule, Self.flow("""
                say "Hold on."
                goto ring

              step ring
                dial +1-555-020-0911 -> backup
            """))
        #expect(findings.isEmpty)
    }

    @Test func gotoLoopThatNeverDialsIsReportedAtTheStep() throws {
        let findings = RuleTesting.findings(rule, Self.flow("""
                goto again

              step again
                goto dispatch
            """))
        let finding = try #require(findings.first)
        #expect(finding.message.contains("never dials anyone"))
        #expect(finding.span.start.line == 5)
    }
}
