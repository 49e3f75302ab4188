import Foundation
import Testing

/// Hostile or odd input gets an error response or a diagnostic, never a crash or a hang.
@Suite struct BadInputTests {
    @Test func positionsPastTheEndOfALineOrTheFileAreClamped() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157"))
        for position in [["line": 6, "character": 500], ["line": 900, "character": 3], ["line": -1, "character": -7]] {
            let hover = harness.request("textDocument/hover", ["textDocument": ["uri": harness.uri("a.ivr")], "position": position])
            #expect(hover["error"] == nil)
            let completion = harness.request("textDocument/completion", ["textDocument": ["uri": harness.uri("a.ivr")], "position": position])
            #expect(completion["error"] == nil)
        }
    }

    @Test func crlfAndByteOrderMarkKeepColumns() throws {
        let harness = try ServerHarness()
        harness.initialize()
        let text = "\u{FEFF}" + DiagnosticsTests.emojiFlow.replacingOccurrences(of: "\n", with: "\r\n")
        harness.open("a.ivr", text)
        let diagnostic = try #require(harness.diagnostics("a.ivr")?.first)
        #expect(range(diagnostic).prefix(2) == [5, 15])

        harness.open("b.ivr", "\u{FEFF}flow b\n  numbr +1-800-555-0157\n")
        // The BOM is the client's first character of line 0; line 1's `numbr` is not shifted by it.
        let first = try #require(harness.diagnostics("b.ivr")?.first { $0["code"] as? String == "syntax" })
        #expect(range(first).prefix(2) == [1, 2])
    }

    @Test func aTabIsADiagnostic() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", "flow a\n\tnumber +1-800-555-0157\n")
        #expect(harness.diagnostics("a.ivr")?.isEmpty == false)
    }

    @Test func aTenMegabyteDocumentIsChecked() throws {
        let harness = try ServerHarness()
        harness.initialize()
        let line = "    say \"" + String(repeating: "x", count: 90) + "\"\n"
        let body = String(repeating: line, count: 10 * 1024 * 1024 / line.utf8.count)
        harness.open("big.ivr", Flows.line("big", number: "+1-800-555-0157", welcome: body + "    goto desk\n"))
        #expect(harness.diagnostics("big.ivr") != nil)
        let symbols = harness.request("textDocument/documentSymbol", ["textDocument": ["uri": harness.uri("big.ivr")]])
        #expect(symbols["error"] == nil)
    }
}
