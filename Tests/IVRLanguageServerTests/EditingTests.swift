import Foundation
import IVRFormat
import IVRLang
import Testing

@Suite struct EditingTests {
    static let messy = "flow a\n  number   +1-800-555-0157\n  industry general\n  step welcome\n    say  \"Hi.\"\n"

    @Test func formattingIsIvrcFmtByteForByte() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Self.messy)
        let response = harness.request("textDocument/formatting", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                                    "options": ["tabSize": 2, "insertSpaces": true]])
        let edits = try #require(response["result"] as? [[String: Any]])
        guard case .formatted(let expected) = SourceFormatter.format(SourceFile(path: "a.ivr", text: Self.messy)) else {
            Issue.record("the flow should format")
            return
        }
        #expect(edits.count == 1)
        #expect(edits.first?["newText"] as? String == expected)
        #expect(edits.first.map(range) == [0, 0, 5, 0])
        // Formatted text needs no edit.
        harness.change("a.ivr", expected, version: 2)
        let again = harness.request("textDocument/formatting", ["textDocument": ["uri": harness.uri("a.ivr")], "options": [:]])
        #expect((again["result"] as? [Any])?.isEmpty == true)
    }

    @Test func symbolsAndFolding() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157"))
        let symbols = try #require(harness.request("textDocument/documentSymbol", ["textDocument": ["uri": harness.uri("a.ivr")]])["result"] as? [[String: Any]])
        #expect(symbols.map { $0["name"] as? String } == ["a"])
        let children = (symbols.first?["children"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(children == ["welcome", "desk", "reaches the desk"])
        let folds = try #require(harness.request("textDocument/foldingRange", ["textDocument": ["uri": harness.uri("a.ivr")]])["result"] as? [[String: Any]])
        #expect(folds.contains { $0["startLine"] as? Int == 0 && $0["endLine"] as? Int == 12 }, "\(folds)")
        #expect(folds.contains { $0["startLine"] as? Int == 4 && $0["endLine"] as? Int == 6 })
    }

    @Test func foldingFollowsIndentation() {
        let ranges = FoldingRangesProbe.ranges([0, 2, 4, nil, 4, 2, 0])
        #expect(ranges == [[0, 5], [1, 4]])
    }

    @Test func hoverAndCompletion() throws {
        let harness = try ServerHarness()
        harness.initialize()
        let text = Flows.line("a", number: "+1-800-555-0157", welcome: "    # ivrc: allow menu-fallback -- x\n    goto desk\n")
        harness.open("a.ivr", text)
        let waiverHover = harness.request("textDocument/hover", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                                 "position": ["line": 5, "character": 22]])
        let waiverText = ((waiverHover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(waiverText?.contains("menu-fallback") == true)
        let stepHover = harness.request("textDocument/hover", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                               "position": ["line": 6, "character": 10]])
        let stepText = ((stepHover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(stepText?.contains("dial +1-555-010-0200") == true)

        let afterGoto = harness.request("textDocument/completion", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                                    "position": ["line": 6, "character": 9]])
        let labels = (afterGoto["result"] as? [[String: Any]])?.compactMap { $0["label"] as? String }
        #expect(labels == ["welcome", "desk"])
        let inWaiver = harness.request("textDocument/completion", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                                   "position": ["line": 5, "character": 18]])
        #expect((inWaiver["result"] as? [[String: Any]])?.contains { $0["label"] as? String == "menu-fallback" } == true)
    }

    @Test func optionCompletionOffersTheSchemaValues() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157", welcome: "    record play-beep=\n    goto desk\n"))
        let options = harness.request("textDocument/completion", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                                  "position": ["line": 5, "character": 11]])
        #expect((options["result"] as? [[String: Any]])?.contains { $0["label"] as? String == "play-beep=" } == true)
        let values = harness.request("textDocument/completion", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                                 "position": ["line": 5, "character": 21]])
        #expect((values["result"] as? [[String: Any]])?.compactMap { $0["label"] as? String }.contains("play-beep=true") == true, "\(values)")
    }
}
