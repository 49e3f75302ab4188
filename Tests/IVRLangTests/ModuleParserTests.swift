import IVRLang
import Testing

/// `module NAME` blocks and `use` lines: the parser keeps them as written, and refuses what
/// does not belong in a module.
@Suite struct ModuleParserTests {
    private func parse(_ text: String) -> ParsedFile {
        Parser.parse(SourceFile(path: "t.ivr", text: text))
    }

    /// Indented `name=value` lines continue the options of the line above, so a `use` with
    /// many parameters can be written over several lines.
    @Test func optionsContinueOnIndentedLines() throws {
        let file = parse("""
            flow line
              number +1-800-555-0100
              use fleet_emergency as emergency
                dispatch=+1-555-010-0911
                company="Acme" backup=+1-555-010-0912
              step welcome
                goto emergency.start
            """)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let use = try #require(file.flows.first?.uses.first)
        #expect(use.arguments.map(\.text) == ["fleet_emergency", "as", "emergency"])
        #expect(use.options.map(\.name.text) == ["dispatch", "company", "backup"])
        #expect(use.children.isEmpty)
    }

    @Test(arguments: [
        ("flow line\n  number +1-800-555-0100\n  step a\n    hangup\n\ntimeout=5s\n", "options on their own line must continue a statement", 6),
        ("flow line\n  number +1-800-555-0100\n  use m as x\n    a=1 extra\n", "a continued line holds only options", 4),
        ("flow line\n  number +1-800-555-0100\n  use m as x\n    a=1 -> b\n", "a continued line holds only options", 4),
        ("flow line\n  number +1-800-555-0100\n  use m as x\n    a=1\n      b=2\n", "cannot have an indented block", 5),
    ] as [(String, String, Int)])
    func aMisplacedOptionsLineIsALocatedError(_ text: String, _ message: String, _ line: Int) throws {
        let diagnostics = parse(text).diagnostics
        let found = try #require(diagnostics.first { $0.message.contains(message) }, "\(diagnostics)")
        #expect(found.span.start.line == line, "\(diagnostics)")
    }

    @Test func aModuleHoldsParametersUsesAndSteps() throws {
        let file = parse("""
            module fleet_emergency
              param dispatch phone
              param company string default="Acme"
              use voicemail as vm box=7

              step start emergency
                dial param.dispatch -> vm.record

            flow line
              number +1-800-555-0100
              use fleet_emergency as emergency dispatch=+1-555-010-0911
              step welcome
                goto emergency.start

            """)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let module = try #require(file.modules.first)
        #expect(module.name.text == "fleet_emergency")
        #expect(module.params.map { $0.arguments.map(\.text) } == [["dispatch", "phone"], ["company", "string"]])
        #expect(module.params[1].options.map(\.name.text) == ["default"])
        #expect(module.uses.map { $0.arguments.map(\.text) } == [["voicemail", "as", "vm"]])
        #expect(module.steps.map(\.name.text) == ["start"])
        #expect(module.steps[0].emergency != nil)
        #expect(module.steps[0].body[0].target?.text == "vm.record")
        #expect(file.flows[0].uses.map { $0.arguments.map(\.text) } == [["fleet_emergency", "as", "emergency"]])
        #expect(file.flows[0].uses[0].options.map(\.value?.text) == ["+15550100911"])
        #expect(file.flows[0].steps[0].body[0].arguments.map(\.text) == ["emergency.start"])
    }

    @Test func settingsAndTestsDoNotBelongInAModule() {
        let file = parse("""
            module m
              number +1-800-555-0100
              tset "x"
              step s
                hangup

            """)
        #expect(file.diagnostics.map(\.message) == ["`number` cannot appear directly in a module", "`tset` cannot appear directly in a module"])
        #expect(file.diagnostics.map(\.span.start.line) == [2, 3])
        #expect(file.diagnostics[1].help?.hasPrefix("did you mean `use`?") == false)
        #expect(file.modules.map(\.steps.count) == [1])
    }

    @Test func aModuleWithoutStepsOrNameIsReported() {
        let file = parse("module m\n  param x\nmodule\n  step s\n    hangup\n")
        #expect(file.diagnostics.map(\.message) == ["module `m` has no steps", "expected a module name after `module`"])
    }

    @Test func aMisspelledTopLevelKeywordSuggestsModule() {
        let file = parse("modul m\n  step s\n    hangup\n")
        #expect(file.diagnostics.first?.help?.hasPrefix("did you mean `module`?") == true, "\(file.diagnostics)")
    }

    @Test func theDumpShowsModulesAndUses() {
        let dump = ASTDump.dump(parse("module m\n  param x phone\n  step s\n    dial param.x\nflow f\n  number +1-800-555-0100\n  use m x=+1-555-010-0100\n  step a\n    goto m.s\n"))
        #expect(dump.contains("module m @1:1-1:9\n  param word(x) word(phone) @2:3-2:16\n  step s @3:3-3:9\n    dial word(param.x) @4:5-4:17\n"), "\(dump)")
        #expect(dump.contains("  use word(m) x=phone(+15550100100) @7:3-7:10\n"), "\(dump)")
    }
}
