import IVRCheck
import IVRLang
import Testing

@Suite struct DialCycleRuleTests {
    let rule = DialCycleRule()

    static func flow(_ name: String, number: String, dials: String) -> String {
        """
        flow \(name)
          number \(number)

          step start
            dial \(dials)
        """
    }

    @Test func twoFlowsInSeparateFilesAreReportedOnceFromTheFirstName() throws {
        let findings = RuleTesting.findings(
            rule,
            Self.flow("zulu", number: "+1-212-555-0200", dials: "+1-212-555-0100"),
            Self.flow("alpha", number: "+1-212-555-0100", dials: "+1-212-555-0200"))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.file == "test1.ivr")
        #expect(finding.message.hasSuffix("`alpha` → `zulu` → `alpha`"))
        #expect(finding.notes.map(\.span.file) == ["test0.ivr"])
        #expect(finding.notes.first?.span.start.line == 5)
    }

    @Test func threeFlowRingHasNotesAtTheOtherTwoDials() throws {
        let findings = RuleTesting.findings(
            rule,
            Self.flow("a", number: "+1-212-555-0101", dials: "+1-212-555-0102"),
            Self.flow("b", number: "+1-212-555-0102", dials: "+1-212-555-0103"),
            Self.flow("c", number: "+1-212-555-0103", dials: "+1-212-555-0101"))
        #expect(findings.count == 1)
        #expect(try #require(findings.first).notes.count == 2)
    }

    @Test func dialsReachedByTimeoutAndDialFallbackCount() {
        let findings = RuleTesting.findings(rule, """
            flow a
              number +1-212-555-0101

              step start
                menu timeout=5s
                  say "Press 1."
                  on 1 -> desk
                  on timeout -> overflow
                  on invalid -> desk

              step desk
                dial +1-212-555-0199

              step overflow
                dial +1-212-555-0198 -> other

              step other
                dial +1-212-555-0102
            """, Self.flow("b", number: "+1-212-555-0102", dials: "+1-212-555-0101"))
        #expect(findings.count == 1)
    }

    @Test func dialsBehindAMenuKeyBreakTheCycle() {
        let findings = RuleTesting.findings(rule, """
            flow a
              number +1-212-555-0101

              step start
                menu timeout=5s
                  say "Press 1."
                  on 1 -> other
                  on timeout -> start
                  on invalid -> start

              step other
                dial +1-212-555-0102
            """, Self.flow("b", number: "+1-212-555-0102", dials: "+1-212-555-0101"))
        #expect(findings.isEmpty)
    }
}
