import IVRCheck
import IVRLang
import Testing

/// Modules expanded into the flows that use them: qualified names, parameters filled in,
/// every rule proved per flow with a note at the use site, and every bad `use` located.
@Suite struct ModuleExpansionTests {
    static let module = """
        module alarm
          param target phone
          param greeting string default="Hello"
          param back step

          step start emergency
            say "{{param.greeting}}, connecting you."
            dial param.target timeout=20s -> param.back

        """

    private func check(_ texts: String...) -> Checker.Result {
        Checker.check(texts.enumerated().map { SourceFile(path: "f\($0.offset).ivr", text: $0.element) })
    }

    private func flow(_ name: String, number: String, use: String, firstStep: String = "say \"Hi.\"") -> String {
        """
        flow \(name)
          number \(number)
          \(use)

          step welcome
            \(firstStep)
            goto alarm.start

          step after
            hangup

        """
    }

    @Test func stepsComeInQualifiedWithTheParametersFilledIn() throws {
        let result = check(Self.module, flow("line", number: "+1-800-555-0100", use: "use alarm target=+1-555-010-0911 back=after"))
        #expect(!result.hasErrors, "\(RuleTesting.describe(result.diagnostics))")
        let flow = try #require(result.graph.flows.first)
        #expect(flow.steps.map(\.name) == ["welcome", "after", "alarm.start"])
        let start = try #require(flow.index(of: "alarm.start"))
        #expect(flow.steps[start].isEmergency)
        guard case .say(let text, _, _, _) = flow.steps[start].actions[0].kind,
              case .dial(let targets, _, let next) = flow.steps[start].actions[1].kind else {
            Issue.record("expected say and dial, got \(flow.steps[start].actions.map(\.kind))")
            return
        }
        #expect(text == "Hello, connecting you.")
        #expect(targets.map(\.value) == ["+15550100911"])
        #expect(next == flow.index(of: "after"))
    }

    @Test func aRuleIsProvedInEachFlowWithANoteNamingTheFlowAndValues() throws {
        let result = check(Self.module,
                           flow("one", number: "+1-800-555-0100", use: "use alarm target=+1-800-555-0100 back=after greeting=\"Hi\""),
                           flow("two", number: "+1-800-555-0200", use: "use alarm target=+1-800-555-0100 back=after"))
        let loopbacks = result.diagnostics.filter { $0.id == "dial-loopback" }
        try #require(loopbacks.count == 1, "\(RuleTesting.describe(result.diagnostics))")
        let loopback = loopbacks[0]
        #expect(loopback.span.file == "f0.ivr" && loopback.span.start.line == 8 && loopback.span.start.column == 10)
        #expect(loopback.span.start.offset == Self.module.utf8.count - "param.target timeout=20s -> param.back\n".utf8.count)
        let use = try #require(loopback.notes.last)
        #expect(use.message == "in flow `one`, which uses module `alarm` with target=+18005550100, greeting=\"Hi\", back=after")
        #expect(use.span.file == "f1.ivr" && use.span.start.line == 3)
    }

    @Test func aModuleThatRecordsBeforeADisclosureFailsOnlyInTheFlowThatDoesNotDisclose() throws {
        let recording = Self.module.replacingOccurrences(of: "    say \"{{param.greeting}}, connecting you.\"\n",
                                                         with: "    record beep max=60s recording-status-callback=https://r.example.com\n")
        let result = check(recording,
                           flow("silent", number: "+1-800-555-0100", use: "use alarm target=+1-555-010-0911 back=after"),
                           flow("told", number: "+1-800-555-0200", use: "use alarm target=+1-555-010-0911 back=after",
                                firstStep: "disclose \"This call is recorded.\""))
        let findings = result.diagnostics.filter { $0.id == "recording-disclosure" }
        #expect(findings.count == 1, "\(RuleTesting.describe(result.diagnostics))")
        #expect(findings.first?.span.file == "f0.ivr")
        #expect(findings.first?.notes.last?.message.hasPrefix("in flow `silent`") == true)
    }

    @Test func nestedModulesAreQualifiedByEveryUseAndNoteEachUse() throws {
        let result = check("""
            module inner
              param number phone
              param after step

              step ring
                dial param.number timeout=10s -> param.after

            module outer
              param desk phone
              use inner as bell number=param.desk after=done

              step start
                goto bell.ring

              step done
                hangup

            flow line
              number +1-800-555-0300
              use outer desk=+1-800-555-0300

              step welcome
                goto outer.start

            """)
        let flow = try #require(result.graph.flows.first)
        #expect(flow.steps.map(\.name) == ["welcome", "outer.start", "outer.done", "outer.bell.ring"])
        let loopback = try #require(result.diagnostics.first { $0.id == "dial-loopback" })
        #expect(loopback.span.start.line == 6)
        #expect(loopback.notes.suffix(2).map(\.message) == [
            "in module `outer`, which uses module `inner` as `bell` with number=+18005550300, after=outer.done",
            "in flow `line`, which uses module `outer` with desk=+18005550300",
        ])
        #expect(loopback.notes.suffix(2).map(\.span.start.line) == [10, 20])
    }

    @Test func aModuleIsClosedToTheStepsOfTheFlowsThatUseIt() {
        let result = check("module m\n  step s\n    goto welcome\n", "flow f\n  number +1-800-555-0100\n  use m\n  step welcome\n    goto m.s\n")
        let undefined = result.diagnostics.filter { $0.id == "undefined-step" }
        #expect(undefined.map(\.message) == ["there is no step named `m.welcome`"])
        #expect(undefined.first?.span.file == "f0.ivr")
        #expect(undefined.first?.notes.last?.message == "in flow `f`, which uses module `m`")
    }

    @Test func aModuleStepWithoutItsUseSaysToAddTheUse() {
        let result = check("module m\n  step s\n    hangup\n", "flow f\n  number +1-800-555-0100\n  step welcome\n    goto m.s\n")
        let undefined = result.diagnostics.filter { $0.id == "undefined-step" }
        #expect(undefined.map(\.message) == ["there is no step named `m.s`"])
        #expect(undefined.first?.help?.contains("add `use m …`") == true, "\(RuleTesting.describe(result.diagnostics))")
    }

    @Test func aWaiverInsideAModuleSilencesItsRuleInEveryFlow() {
        let waived = Self.module.replacingOccurrences(
            of: "    dial param.target", with: "    # ivrc: allow dial-loopback -- test line dials itself on purpose\n    dial param.target")
        let result = check(waived, flow("one", number: "+1-800-555-0100", use: "use alarm target=+1-800-555-0100 back=after"))
        #expect(!result.diagnostics.contains { $0.id == "dial-loopback" || $0.severity == .error }, "\(RuleTesting.describe(result.diagnostics))")
        #expect(result.waivers.count == 1)
    }

    /// One bad `use` or module per case: the id, and the line and column it is reported at.
    static let badInputs: [(source: String, id: String, line: Int, column: Int, message: String)] = [
        ("use alrm target=+1-555-010-0911 back=after", "undefined-module", 3, 7, "there is no module named `alrm`"),
        ("use alarm back=after", "missing-param", 3, 7, "module `alarm` needs a value for `target` (a phone number)"),
        ("use alarm target=+1-555-010-0911 target=+1-555-010-0912 back=after", "duplicate-param", 3, 36,
         "parameter `target` is given twice"),
        ("use alarm target=+1-555-010-0911 back=after colour=red", "undefined-param", 3, 47, "module `alarm` has no parameter `colour`"),
        ("use alarm target=\"+1-555-010-0911\" back=after", "invalid-param", 3, 20, "`target` must be a phone number, not `\"+1-555-010-0911\"`"),
        ("use alarm as welcome target=+1-555-010-0911 back=after", "module-name-clash", 3, 16,
         "`welcome` is already a step of flow `line`, so `welcome.STEP` would be ambiguous"),
    ]

    @Test(arguments: badInputs.indices)
    func aBadUseIsLocated(_ index: Int) {
        let bad = Self.badInputs[index]
        let result = check(Self.module, flow("line", number: "+1-800-555-0100", use: bad.source))
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.id) == [bad.id], "\(RuleTesting.describe(result.diagnostics))")
        let found = result.diagnostics.first { $0.id == bad.id }
        #expect(found?.span.file == "f1.ivr" && found?.span.start.line == bad.line && found?.span.start.column == bad.column,
                "\(RuleTesting.describe(result.diagnostics))")
        #expect(found?.message == bad.message)
    }

    @Test func aMisspelledModuleGetsASuggestion() {
        let result = check(Self.module, flow("line", number: "+1-800-555-0100", use: "use alrm target=+1-555-010-0911 back=after"))
        #expect(result.diagnostics.first?.help?.hasPrefix("did you mean `alarm`?") == true)
    }

    @Test func modulesUsingEachOtherInACycleArePrintedAsTheCycle() {
        let result = check("module a\n  use b\n  step s\n    hangup\nmodule b\n  use c\n  step s\n    hangup\nmodule c\n  use a\n  step s\n    hangup\n",
                           "flow f\n  number +1-800-555-0100\n  use a\n  step welcome\n    goto a.s\n")
        let cycles = result.diagnostics.filter { $0.id == "module-cycle" }
        #expect(cycles.map(\.message) == ["modules use each other in a cycle: a -> b -> c -> a"])
        #expect(cycles.first?.span.start.line == 10)
    }

    @Test func twoModulesOfOneNameAreReportedAtTheSecond() {
        let result = check(Self.module, Self.module)
        let duplicates = result.diagnostics.filter { $0.id == "duplicate-module" }
        #expect(duplicates.map(\.span.file) == ["f1.ivr"])
        #expect(duplicates.first?.notes.first?.span.file == "f0.ivr")
    }

    @Test func parameterDeclarationsAreChecked() {
        let result = check("""
            module m
              param a phone
              param a string
              param b duraton
              param c phone default="x"
              param s string

              step go
                say "{{param.d}}"
                goto param.s

            """)
        #expect(result.diagnostics.map(\.id) == ["duplicate-param", "invalid-param", "invalid-param", "undefined-param", "invalid-param"],
                "\(RuleTesting.describe(result.diagnostics))")
        #expect(result.diagnostics.map(\.span.start.line) == [3, 4, 5, 9, 10])
    }

    @Test(arguments: [2, 1])
    func modulesThatMultiplyOrNestTooDeepStopWithOneError(_ usesPerLevel: Int) {
        // Twice per level doubles the copies 30 times; once per level nests 30 deep.
        let modules = (0..<30).map { level in
            let uses = level == 29 ? "" : (0..<usesPerLevel).map { "  use m\(level + 1) as u\($0)\n" }.joined()
            return "module m\(level)\n\(uses)  step s\n    hangup\n"
        }.joined()
        let result = check(modules, "flow f\n  number +1-800-555-0100\n  use m0\n  step w\n    goto m0.s\n")
        #expect(result.diagnostics.map(\.id) == ["module-limit"], "\(RuleTesting.describe(result.diagnostics))")
    }

    @Test func everyModuleDiagnosticIsExplained() {
        for id in ["undefined-module", "duplicate-module", "module-cycle", "module-name-clash", "missing-param", "duplicate-param",
                   "undefined-param", "invalid-param", "module-limit"] {
            #expect(FrontEndDiagnostics.description(id: id) != nil, "\(id)")
        }
    }
}
