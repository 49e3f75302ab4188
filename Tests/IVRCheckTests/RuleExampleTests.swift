import IVRCheck
import IVRLang
import Testing

/// The examples in each rule's description, checked by the rule alone: every reported example
/// is reported by it, every not reported one is not, and both are otherwise clean input.
/// (`DiagnosticExampleTests` holds every id's examples to their `↓` markers.)
@Suite struct RuleExampleTests {
    static let examples: [(id: String, source: String, fails: Bool)] = RuleCatalog.all.flatMap { rule in
        rule.description.reported.map { (rule.description.id, $0.unmarkedSource, true) }
            + rule.description.notReported.map { (rule.description.id, $0.unmarkedSource, false) }
    }

    @Test(arguments: examples.indices)
    func exampleIsReportedExactlyWhenItShouldBe(index: Int) throws {
        let example = Self.examples[index]
        let rule = try #require(RuleCatalog.rule(id: example.id))
        let findings = RuleTesting.findings(rule, example.source)
        if example.fails {
            #expect(!findings.isEmpty, "failing example of \(example.id) was not reported:\n\(example.source)")
        } else {
            #expect(findings.isEmpty, "passing example of \(example.id) was reported:\n\(RuleTesting.describe(findings))")
        }
    }

    @Test(arguments: examples.indices)
    func exampleParsesAndResolvesCleanly(index: Int) {
        let example = Self.examples[index]
        let problems = RuleTesting.frontEndDiagnostics(example.source)
        #expect(problems.isEmpty, "example of \(example.id) has front-end errors:\n\(RuleTesting.describe(problems))")
    }
}
