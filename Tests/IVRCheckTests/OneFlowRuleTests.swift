import IVRCheck
import IVRLang
import IVRTestSupport
import Testing

/// A rule that does not say it spans flows is checked flow by flow (and its findings kept for a
/// flow that did not change), so it must find in each flow alone what it finds in all of them.
/// Checked on every example flow, rule fixture and rule example at once, many flows side by side.
@Suite struct OneFlowRuleTests {
    @Test func aOneFlowRuleFindsInEachFlowAloneWhatItFindsInAll() throws {
        let examples = RuleCatalog.all.flatMap { rule in
            (rule.description.reported + rule.description.notReported).enumerated().map { index, example in
                SourceFile(path: "\(rule.description.id)-\(index).ivr", text: example.unmarkedSource)
            }
        }
        let sources = try ExampleFlows.sources() + RuleFixture.all.flatMap { try $0.sources() } + examples
        // Every flow, those of the same name too (examples are mostly `flow a`).
        let files = ModuleExpansion.apply(Checker.parseAll(sources)).files
        let graph = FlowGraph(flows: files.flatMap { file in file.flows.map { Resolver.resolve($0, in: file.source).flow } },
                              sources: files.map(\.source))
        #expect(graph.flows.count > 50)
        for rule in RuleCatalog.all where !rule.spansFlows {
            let alone = graph.flows.flatMap { rule.check(FlowGraph(flows: [$0], sources: [$0.source])) }
            #expect(alone == rule.check(graph), "\(rule.description.id) looks across flows: declare `spansFlows`")
        }
    }
}
