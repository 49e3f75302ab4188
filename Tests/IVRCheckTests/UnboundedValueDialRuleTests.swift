import IVRCheck
import IVRLang
import Testing

/// `unbounded-value-dial`, and the bounds it accepts: `allow=`, `dial-prefixes`, `+1{{x}}`.
@Suite struct UnboundedValueDialRuleTests {
    let rule = UnboundedValueDialRule()

    private func flow(industry: String? = nil, settings: String = "", _ body: String) -> String {
        """
        flow callback
          number +1-800-555-0157
        \(industry.map { "  industry \($0)\n" } ?? "")\(settings)
          step start
            gather callback num-digits=10 -> ring
              say "Enter your number."
              on timeout -> start

          step ring
        \(body)
        """
    }

    @Test func aCallerIdCallbackIsAWarningPointingAtTheTarget() throws {
        let findings = RuleTesting.findings(rule, flow("    dial {{From}} -> start"))
        let finding = try #require(findings.first)
        #expect(findings.count == 1 && finding.severity == .warning)
        #expect(finding.span.start.line == 10 && finding.span.start.column == 10)
        #expect(finding.help?.contains("allow=+1,+44") == true && finding.help?.contains("Telnyx outbound voice profile") == true)
    }

    @Test(arguments: ["healthcare", "fleet"])
    func healthcareAndFleetLinesMakeItAnError(industry: String) {
        let findings = RuleTesting.findings(rule, flow(industry: industry, "    dial {{callback}}"))
        #expect(findings.map(\.severity) == [.error])
    }

    @Test func everyBoundSilencesIt() {
        #expect(RuleTesting.findings(rule, flow("    dial {{callback}} allow=+1,+44")).isEmpty)
        #expect(RuleTesting.findings(rule, flow(settings: "  dial-prefixes +1 +44\n", "    dial {{callback}}")).isEmpty)
        #expect(RuleTesting.findings(rule, flow("    dial +1{{callback}}")).isEmpty)
        #expect(RuleTesting.findings(rule, flow("    dial\n      number +1-{{callback}}")).isEmpty)
        #expect(RuleTesting.findings(rule, flow("    dial +1-555-010-0200")).isEmpty)
    }

    @Test func aBoundedFlowStillChecksADialOfAnotherValue() {
        let source = flow(settings: "", "    dial {{callback}} allow=+1\n    dial\n      number {{To}}")
        #expect(RuleTesting.findings(rule, source).count == 1)
    }

    /// The prefixes reach the graph, `allow=` overriding the flow's default.
    @Test func allowOverridesTheFlowsDialPrefixes() throws {
        let source = flow(settings: "  dial-prefixes +1 +44\n", "    dial {{callback}} allow=+1-876\n    dial {{From}}")
        let checked = Checker.check([SourceFile(path: "a.ivr", text: source)], rules: [])
        #expect(checked.diagnostics.isEmpty, "\(RuleTesting.describe(checked.diagnostics))")
        let dials = try #require(checked.graph.flows.first).steps.flatMap(\.actions).compactMap { action -> [String]? in
            guard case .dial(let targets, _, _) = action.kind else { return nil }
            return targets.first?.prefixes
        }
        #expect(dials == [["+1876"], ["+1", "+44"]])
    }

    @Test(arguments: [
        ("allow=1", "`1` has no `+`", 25), ("allow=+", "`+` alone is no prefix", 25), ("allow=+1x", "`+1x` is not", 25),
        ("allow=+1,,+44", "an empty prefix", 25), (#"allow="""#, "`allow` needs the E.164 prefixes", 19),
        ("allow=+0", "`+0` is not", 25),
    ])
    func aMalformedAllowIsALocatedError(option: String, message: String, column: Int) throws {
        let problems = RuleTesting.frontEndDiagnostics(flow("    dial {{From}} \(option)"))
        let problem = try #require(problems.first { $0.id == "invalid-option" }, "\(RuleTesting.describe(problems))")
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.span.start.line == 10 && problem.span.start.column == column)
    }

    @Test func allowOnAWrittenNumberIsRefusedAsPointless() throws {
        let problems = RuleTesting.frontEndDiagnostics(flow("    dial +1-555-010-0200 allow=+1"))
        let problem = try #require(problems.first)
        #expect(problem.id == "invalid-option" && problem.message.contains("fills none"))
    }

    @Test func aMalformedDialPrefixesSettingOrWrittenPrefixIsALocatedError() throws {
        let setting = RuleTesting.frontEndDiagnostics(flow(settings: "  dial-prefixes +1 44\n", "    dial {{From}}"))
        #expect(setting.map(\.id) == ["invalid-setting"] && setting.first?.span.start.line == 3)
        let written = RuleTesting.frontEndDiagnostics(flow("    dial +0{{callback}}"))
        #expect(written.map(\.id) == ["invalid-option"] && written.first?.message.contains("`+0`") == true)
    }
}
