import Foundation
import IVRFormat
import IVRLang
import Testing

/// `textDocument/rangeFormatting`: `ivrc fmt`'s result, only the changed lines the range touches.
@Suite struct RangeFormattingTests {
    static let messy = "flow a\n  number   +1-800-555-0157\n  industry general\n\n  step welcome\n    say    \"Hi.\"\n    goto desk\n\n  step desk\n    dial +1-555-010-0200\n"

    static func edits(_ harness: ServerHarness, lines: ClosedRange<Int>) throws -> [[String: Any]] {
        let response = harness.request("textDocument/rangeFormatting", [
            "textDocument": ["uri": harness.uri("a.ivr")],
            "range": ["start": ["line": lines.lowerBound, "character": 0], "end": ["line": lines.upperBound, "character": 3]],
            "options": ["tabSize": 2, "insertSpaces": true],
        ])
        return try #require(response["result"] as? [[String: Any]])
    }

    /// Whole-line edits applied from the last to the first.
    static func applying(_ edits: [[String: Any]], to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 + "\n" }
        for edit in edits.sorted(by: { range($0)[0] > range($1)[0] }) {
            let bounds = range(edit)
            let new = (edit["newText"] as? String ?? "").split(separator: "\n").map { $0 + "\n" }
            lines.replaceSubrange(bounds[0]..<bounds[2], with: new)
        }
        return lines.joined()
    }

    @Test func onlyTheChangesInTheRangeComeBackAndAllOfThemMakeFmtsOutput() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Self.messy)
        let say = try Self.edits(harness, lines: 5...5)
        #expect(say.map(range) == [[5, 0, 6, 0]])
        #expect(say.first?["newText"] as? String == "    say \"Hi.\"\n")
        #expect(try Self.edits(harness, lines: 7...9).isEmpty)
        let all = try Self.edits(harness, lines: 0...9)
        #expect(all.count == 2)
        guard case .formatted(let expected) = SourceFormatter.format(SourceFile(path: "a.ivr", text: Self.messy)) else {
            Issue.record("the flow should format")
            return
        }
        #expect(Self.applying(all, to: Self.messy) == expected)
    }
}
