import IVRCheck
import IVRLang
import Testing

/// The `menu-fallback` and `gather-timeout` fix-its: applied, the flow checks clean.
@Suite struct FallbackFixItTests {
    /// `text` with every change of `fix` made (changes never overlap; applied from the end).
    static func applying(_ fix: FixIt, to text: String) -> String {
        var bytes = Array(text.utf8)
        for change in fix.changes.sorted(by: { $0.span.start.offset > $1.span.start.offset }) {
            bytes.replaceSubrange(change.span.start.offset..<change.span.end.offset, with: Array(change.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func fixed(_ rule: any Rule, _ text: String) throws -> (fix: FixIt, text: String) {
        let finding = try #require(RuleTesting.findings(rule, text).first)
        let fix = try #require(finding.fixIts.first)
        return (fix, applying(fix, to: text))
    }

    @Test func bothMenuFallbacksAreAddedUnderTheLastBranch() throws {
        let (fix, text) = try Self.fixed(MenuFallbackRule(), MenuFallbackRuleTests.flow(""))
        #expect(fix.message == "Add `on timeout -> start` and `on invalid -> start`")
        #expect(text.contains("      on 1 -> desk\n      on timeout -> start\n      on invalid -> start\n\n\n  step desk"))
        #expect(RuleTesting.allDiagnostics([SourceFile(path: "fixed.ivr", text: text)]).isEmpty)
    }

    @Test func theMissingFallbackGoesWhereTheOtherOneDoes() throws {
        let (_, text) = try Self.fixed(MenuFallbackRule(), MenuFallbackRuleTests.flow("      on timeout -> desk"))
        #expect(text.contains("      on timeout -> desk\n      on invalid -> desk\n"))
        #expect(RuleTesting.allDiagnostics([SourceFile(path: "fixed.ivr", text: text)]).isEmpty)
    }

    @Test func aNestedBranchBlockStaysAboveTheAddedLineAndCRLFIsKept() throws {
        let source = """
            flow line\r
              number +1-800-555-0157\r
            \r
              step start\r
                menu timeout=5s\r
                  say "Press 1."\r
                  on 1\r
                    say "Connecting."\r
                    dial +1-555-010-0200\r

            """
        let (_, text) = try Self.fixed(MenuFallbackRule(), source)
        #expect(text.hasSuffix("        dial +1-555-010-0200\r\n      on timeout -> start\r\n      on invalid -> start\r\n"))
        #expect(RuleTesting.allDiagnostics([SourceFile(path: "fixed.ivr", text: text)]).isEmpty)
    }

    @Test func aMenuInAnAnonymousBlockWithNoNamedTargetGetsNoFixIt() throws {
        let source = """
            flow line
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "Press 1."
                  on 1
                    menu
                      say "Press 2."
                      on 2 -> start
                  on timeout -> start
                  on invalid -> start
            """
        let finding = try #require(RuleTesting.findings(MenuFallbackRule(), source).first)
        #expect(finding.fixIts.isEmpty)
    }

    @Test func aGatherAsksAgainOnTimeout() throws {
        let (fix, text) = try Self.fixed(GatherTimeoutRule(), GatherTimeoutTests.flow(""))
        #expect(fix.message == "Add `on timeout -> start` (ask again)")
        #expect(text.contains("      say \"Enter the extension.\"\n      on timeout -> start\n"))
        #expect(RuleTesting.findings(GatherTimeoutRule(), text).isEmpty)
    }

    @Test func aFixInAModuleEditsTheModuleFile() throws {
        let module = SourceFile(path: "modules/menu.ivr", text: """
            module ask

              step ask
                menu timeout=5s
                  say "Press 1."
                  on 1 -> ask

            """)
        let flow = SourceFile(path: "flow.ivr", text: """
            flow line
              number +1-800-555-0157

              use ask

              step start
                goto ask.ask

            """)
        let finding = try #require(RuleTesting.findings(MenuFallbackRule(), files: [flow, module]).first)
        let change = try #require(finding.fixIts.first?.changes.first)
        #expect(change.span.file == "modules/menu.ivr")
        #expect(change.span.start.offset == module.lineRange(6).upperBound)
        #expect(change.replacement == "\n      on timeout -> ask\n      on invalid -> ask")
    }
}
