import IVRCheck
import IVRLang
import IVRTestSupport
import IVRReport
import Testing

/// `ivrc explain` prints each rule's own examples; the test rule stands in until the
/// catalogue's rules are merged, and every catalogue rule is held to the same contract.
@Suite struct ExplainTests {
    static let rules: [RuleDescription] = (RuleCatalog.all + [ShoutingRule()]).map(\.description)

    @Test(arguments: rules.map(\.id))
    func explainPrintsTheRulesOwnExamples(_ id: String) throws {
        let rule = try #require(Self.rules.first { $0.id == id })
        let text = RuleDocumentation.explain(rule)
        #expect(text.hasPrefix("\(rule.id) (\(rule.severity.rawValue), "))
        #expect(text.contains(rule.explanation))
        let failing = try #require(rule.failing.first, "\(id) has no failing example")
        let passing = try #require(rule.passing.first, "\(id) has no passing example")
        for line in failing.split(separator: "\n") { #expect(text.contains("    \(line)\n")) }
        for line in passing.split(separator: "\n") { #expect(text.contains("    \(line)\n")) }
        #expect(text.contains("# ivrc: allow \(id) -- REASON"))
    }

    @Test func testRuleExamplesBehaveAsDocumented() {
        let rule = ShoutingRule()
        for example in rule.description.failing {
            let ids = Checker.check([SourceFile(path: "f.ivr", text: example)], rules: [rule]).diagnostics.map(\.id)
            #expect(ids == ["no-shouting"])
        }
        for example in rule.description.passing {
            #expect(Checker.check([SourceFile(path: "p.ivr", text: example)], rules: [rule]).diagnostics.isEmpty)
        }
    }

    @Test func frontEndIdsExplainWithoutWaiverHint() throws {
        let syntax = try #require(DiagnosticCatalog.description(id: "unknown-option"))
        let text = RuleDocumentation.explain(syntax)
        #expect(text.contains(syntax.explanation))
        #expect(!text.contains("# ivrc: allow"))
    }

    @Test func listShowsEveryRuleOnOneLine() {
        let text = RuleDocumentation.list(Self.rules)
        let lines = text.split(separator: "\n")
        #expect(lines.count == Self.rules.count + 1)
        #expect(lines.last?.hasPrefix("no-shouting") == true)
        #expect(lines.last?.contains("warning") == true)
        #expect(lines.last?.hasSuffix(ShoutingRule().description.summary) == true)
    }
}
