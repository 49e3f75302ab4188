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
        let failing = try #require(rule.reported.first?.unmarkedSource, "\(id) has no reported example")
        let passing = try #require(rule.notReported.first?.unmarkedSource, "\(id) has no not reported example")
        for line in failing.split(separator: "\n") { #expect(text.contains("    \(line)\n")) }
        for line in passing.split(separator: "\n") { #expect(text.contains("    \(line)\n")) }
        #expect(text.contains("# ivrc: allow \(id) -- REASON"))
    }

    @Test func testRuleExamplesBehaveAsDocumented() {
        let rule = ShoutingRule()
        for example in rule.description.reported {
            let ids = Checker.check([example.flowFile], rules: [rule]).diagnostics.map(\.id)
            #expect(ids == ["no-shouting"])
        }
        for example in rule.description.notReported {
            #expect(Checker.check([example.flowFile], rules: [rule]).diagnostics.isEmpty)
        }
    }

    @Test func frontEndIdsExplainWithoutWaiverHint() throws {
        let syntax = try #require(DiagnosticCatalog.description(id: "unknown-option"))
        let text = RuleDocumentation.explain(syntax)
        #expect(text.contains(syntax.explanation))
        #expect(!text.contains("# ivrc: allow"))
    }

    /// `explain` points at the reported example's findings as `ivrc check` prints them: the
    /// one renderer, carets under the marked span; the markers themselves are never shown.
    @Test(arguments: ["undefined-step", "unused-value"])
    func explainPointsAtTheMarkedSpanAsCheckWould(_ id: String) throws {
        let entry = try #require(DiagnosticCatalog.description(id: id))
        let example = try #require(entry.reported.first)
        let run = try ExampleRun.run(example, of: id)
        let findings = run.findings(id)
        #expect(!findings.isEmpty)
        let text = RuleDocumentation.explain(entry, run: run)
        let rendered = DiagnosticRenderer(sources: run.files).render(findings)
        for line in rendered.split(separator: "\n") { #expect(text.contains("    \(line)\n"), "missing: \(line)") }
        #expect(rendered.contains("^"))
        #expect(!text.contains(DiagnosticExample.marker))
        #expect(!RuleDocumentation.markdown(entry).contains(DiagnosticExample.marker))
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
