import Foundation
import IVRLang
import IVRTestSupport
import Testing

/// Hostile input never traps or hangs the parser: it always comes back with a tree and,
/// for broken input, diagnostics.
@Suite struct RobustnessTests {
    static let examples: [[UInt8]] = ((try? ExampleFlows.sources()) ?? []).map(\.bytes)

    @Test func examplesParseClean() {
        #expect(Self.examples.count >= 2)
        for bytes in Self.examples {
            #expect(Parser.parse(SourceFile(path: "example.ivr", bytes: bytes)).diagnostics.isEmpty)
        }
    }

    @Test func thousandsOfMutatedExamplesParse() {
        var random = SeededRandom(seed: 0x1F0C)
        var withDiagnostics = 0
        for round in 0..<3000 {
            let original = Self.examples[round % Self.examples.count]
            let mutated = Mutator.mutate(original, using: &random)
            let parsed = Parser.parse(SourceFile(path: "mutant.ivr", bytes: mutated))
            if !parsed.diagnostics.isEmpty { withDiagnostics += 1 }
            // Every diagnostic points inside the file.
            for diagnostic in parsed.diagnostics {
                #expect(diagnostic.span.start.offset <= mutated.count)
            }
        }
        // Most mutations break something, and the parser says so.
        #expect(withDiagnostics > 1000)
    }

    @Test func tenThousandDeepNestingIsRefusedWithADiagnostic() {
        var text = "flow deep\n  number +1-800-555-0100\n  step s\n"
        for depth in 0..<10_000 {
            text += String(repeating: " ", count: 4 + depth) + "menu\n"
        }
        let parsed = Parser.parse(SourceFile(path: "deep.ivr", text: text))
        #expect(parsed.diagnostics.contains { $0.id == "nesting-too-deep" })
    }

    @Test func fiveMegabyteLineIsHandled() {
        let huge = String(repeating: "word ", count: 1_000_000)
        let text = "flow big\n  number +1-800-555-0100\n  step s\n    say \(huge)\n    say \"\(huge)\"\n"
        let parsed = Parser.parse(SourceFile(path: "big.ivr", text: text))
        #expect(parsed.flows.count == 1)
        let quoted = parsed.flows[0].steps[0].body[1].arguments.first?.text.count
        #expect(quoted == huge.count)
    }

    @Test func randomBytesAreReportedNotTrapped() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let bytes = (0..<Int(random.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let parsed = Parser.parse(SourceFile(path: "noise.ivr", bytes: bytes))
            #expect(parsed.diagnostics.count <= Lexer.maxErrors)
        }
    }
}


/// Columns come from checkpoints, not a rescan of the line; they must still count scalars.
@Suite struct SourcePositionTests {
    @Test func columnsCountScalarsAcrossCheckpointsOnLongMixedLines() {
        var random = SeededRandom(seed: 42)
        let pieces = ["a", "é", "€", "😀", " ", "\n"]
        let text = (0..<5_000).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        let source = SourceFile(path: "mixed.ivr", text: text)
        var line = 1, column = 1
        for (offset, byte) in source.bytes.enumerated() where byte & 0xC0 != 0x80 {
            let position = source.position(of: offset)
            #expect(position.line == line && position.column == column, "offset \(offset)")
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        #expect(source.position(of: source.bytes.count).column == column)
    }
}

/// Snippets decode only a window of the line; what they quote is still the 160 scalars
/// around the caret that the whole line gives.
@Suite struct LongLineSnippetTests {
    @Test func theQuotedWindowMatchesTheWholeLineAtEveryPlace() {
        var random = SeededRandom(seed: 7)
        let pieces = ["a", "é", "€", "😀", " ", "\t"]
        let line = (0..<3_000).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        let source = SourceFile(path: "long.ivr", text: line + "\nnext\n")
        let scalars = Array(line.unicodeScalars)
        let renderer = DiagnosticRenderer(sources: [source])
        for _ in 0..<200 {
            let column = Int(random.next() % UInt64(scalars.count))
            let offset = String(String.UnicodeScalarView(scalars[..<column])).utf8.count
            let diagnostic = Diagnostic.error(.syntax, "here", at: source.span(offset, offset + 1))
            let windowStart = max(0, min(column - 40, scalars.count - 160))
            let windowEnd = min(scalars.count, windowStart + 160)
            let expected = String(String.UnicodeScalarView(scalars[windowStart..<windowEnd].map { $0.value < 0x20 ? Unicode.Scalar(0x2400 + $0.value) ?? $0 : $0 }))
            let rendered = renderer.render(diagnostic)
            #expect(rendered.contains(" 1 | \(expected)\n"), "column \(column)")
            #expect(rendered.contains("\n   | " + String(repeating: " ", count: column - windowStart) + "^\n"), "column \(column)")
        }
    }
}
