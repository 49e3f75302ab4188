import Foundation
import Testing

@Suite struct QuickFixTests {
    static func actions(_ harness: ServerHarness, line: Int) -> [[String: Any]] {
        let response = harness.request("textDocument/codeAction", [
            "textDocument": ["uri": harness.uri("a.ivr")],
            "range": ["start": ["line": line, "character": 0], "end": ["line": line, "character": 40]],
            "context": ["diagnostics": []],
        ])
        return response["result"] as? [[String: Any]] ?? []
    }

    static func edits(_ action: [String: Any]) -> [[String: Any]] {
        ((action["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?.values.flatMap { $0 } ?? []
    }

    @Test func didYouMeanBecomesAReplacement() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157", welcome: "    say \"é😀\"\n    goto dsk\n"))
        let fix = try #require(Self.actions(harness, line: 6).first { $0["title"] as? String == "Replace with `desk`" })
        #expect(fix["kind"] as? String == "quickfix")
        #expect(fix["isPreferred"] as? Bool == true)
        #expect((fix["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "undefined-step")
        let edit = try #require(Self.edits(fix).first)
        #expect(edit["newText"] as? String == "desk")
        #expect(range(edit) == [6, 9, 6, 12])
    }

    @Test func aRuleFindingCanBeWaivedWithAReasonToFillIn() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157", welcome: "    hangup\n    say \"never\"\n"))
        let waiver = try #require(Self.actions(harness, line: 6).first { ($0["title"] as? String)?.hasPrefix("Allow `unreachable-code`") == true })
        let edit = try #require(Self.edits(waiver).first)
        #expect(edit["newText"] as? String == "    # ivrc: allow unreachable-code -- REASON\n")
        #expect(range(edit) == [6, 0, 6, 0])
    }

    @Test func aMenuWithoutFallbacksGetsThemAddedUnderItsLastLine() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157", welcome: "    menu\n      say \"Press 1.\"\n      on 1 -> desk\n"))
        let fix = try #require(Self.actions(harness, line: 5).first { ($0["title"] as? String)?.hasPrefix("Add `on timeout") == true })
        #expect(fix["title"] as? String == "Add `on timeout -> welcome` and `on invalid -> welcome`")
        #expect((fix["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "menu-fallback")
        let edit = try #require(Self.edits(fix).first)
        #expect(edit["newText"] as? String == "\n      on timeout -> welcome\n      on invalid -> welcome")
        #expect(range(edit) == [7, 18, 7, 18])
    }
}
