import IVRCheck
import IVRLang
import Testing

/// `on timeout` inside a `gather`, the `gather-timeout` rule, and `{{NAME}}` as a dial target.
@Suite struct GatherTimeoutTests {
    static func flow(_ gatherBlock: String, dial: String = "sip:{{ext}}@pbx.example.com") -> String {
        """
        flow line
          number +1-800-555-0157

          step start
            gather ext num-digits=3 -> connect
              say "Enter the extension."
        \(gatherBlock)
          step connect
            dial \(dial)

          step operator
            dial +1-555-010-0200

        """
    }

    @Test func aGatherWithoutOnTimeoutWarnsAtTheGather() throws {
        let findings = RuleTesting.findings(GatherTimeoutRule(), Self.flow(""))
        let finding = try #require(findings.first)
        #expect(findings.count == 1 && finding.severity == .warning)
        #expect(finding.span.start.line == 5)
        #expect(finding.help == "add `on timeout -> start` (ask again) or `on timeout -> operator` in the gather's block")
    }

    @Test func onTimeoutIsAnEdgeOfTheGraphAndSilencesTheRule() throws {
        let source = Self.flow("      on timeout -> operator\n")
        #expect(RuleTesting.findings(GatherTimeoutRule(), source).isEmpty)
        let graph = Checker.check([SourceFile(path: "t.ivr", text: source)]).graph
        let edges = graph.flows[0].exit(of: 0).edges.map { "\($0.label) \(graph.flows[0].steps[$0.target].name)" }
        #expect(edges == ["gathered connect", "timeout operator"])
        #expect(RuleTesting.allDiagnostics([SourceFile(path: "t.ivr", text: source)]).isEmpty)
    }

    @Test func aGatherTakesOnlyOneOnTimeoutAndNoKeys() {
        let keyed = RuleTesting.allDiagnostics([SourceFile(path: "t.ivr", text: Self.flow("      on 1 -> operator\n"))])
        #expect(keyed.contains { $0.message == "a `gather` has only an `on timeout` branch" && $0.span.start.line == 7 })
        let twice = RuleTesting.allDiagnostics([SourceFile(path: "t.ivr", text: Self.flow(
            "      on timeout -> operator\n      on timeout -> start\n"))])
        #expect(twice.contains { $0.id == "duplicate-key" && $0.span.start.line == 8 })
    }

    @Test func aPlaceholderIsADialTargetAndAMalformedOneIsASyntaxError() {
        let dialled = RuleTesting.allDiagnostics([SourceFile(path: "t.ivr", text: Self.flow("      on timeout -> operator\n", dial: "{{ext}} allow=+1"))])
        #expect(dialled.isEmpty, "\(dialled.map(\.message))")
        let broken = RuleTesting.allDiagnostics([SourceFile(path: "t.ivr", text: Self.flow("      on timeout -> operator\n", dial: "{{ext"))])
        #expect(broken.contains { $0.id == "invalid-placeholder" && $0.message == "this `{{` is not closed by `}}`" && $0.span.start.line == 10 })
    }
}
