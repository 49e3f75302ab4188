import IVRCheck
import IVRLang
import Testing

/// The examples in each rule's description are its documentation (`ivrc explain`) and
/// its first tests: every failing example is reported by the rule, every passing one is not.
@Suite struct RuleExampleTests {
    static let examples: [(id: String, source: String, fails: Bool)] = RuleCatalog.all.flatMap { rule in
        rule.description.failing.map { (rule.description.id, $0, true) }
            + rule.description.passing.map { (rule.description.id, $0, false) }
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

    @Test func resolverChecksReportTheirFailingExamplesOnly() {
        for description in RuleCatalog.resolverDescriptions {
            for source in description.failing {
                let ids = RuleTesting.frontEndDiagnostics(source).map(\.id)
                #expect(ids.contains(description.id), "\(description.id) failing example gave \(ids)")
            }
            for source in description.passing {
                let problems = RuleTesting.frontEndDiagnostics(source)
                #expect(problems.isEmpty, "\(description.id) passing example: \(RuleTesting.describe(problems))")
            }
        }
    }
}
