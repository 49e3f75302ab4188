import IVRCheck
import IVRLang
import Testing

@Suite struct DuplicateNumberRuleTests {
    let rule = DuplicateNumberRule()

    static func flow(_ name: String, _ number: String) -> String {
        """
        flow \(name)
          number \(number)

          step start
            dial +1-555-010-0200
        """
    }

    @Test func laterFlowsAreReportedWithANoteAtTheFirst() throws {
        let findings = RuleTesting.findings(
            rule, Self.flow("first", "+1-800-555-0157"), Self.flow("second", "+18005550157"),
            Self.flow("third", "+1-8005-550-157"))
        #expect(findings.count == 2)
        for finding in findings {
            #expect(finding.notes.first?.span.file == "test0.ivr")
            #expect(finding.notes.first?.span.start.line == 2)
        }
        #expect(findings.map(\.span.file) == ["test1.ivr", "test2.ivr"])
    }

    @Test func distinctNumbersAreFine() {
        #expect(RuleTesting.findings(rule, Self.flow("a", "+1-800-555-0157"), Self.flow("b", "+1-800-596-3058")).isEmpty)
    }
}
