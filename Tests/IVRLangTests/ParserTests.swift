import IVRLang
import Testing

@Suite struct ParserTests {
    private func parse(_ text: String) -> ParsedFile {
        Parser.parse(SourceFile(path: "t.ivr", text: text))
    }

    @Test func continuedSayLinesAreJoinedWithOneSpace() {
        let file = parse("flow f\n  number +1-800-555-0100\n  step s\n    say\n      \"One.\"\n      \"Two.\"\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.flows[0].steps[0].body[0].arguments.map(\.text) == ["One. Two."])
    }

    @Test func aBlockUnderAContinuedTextLineIsReported() {
        let file = parse("flow f\n  number +1-800-555-0100\n  step s\n    say\n      \"One.\"\n        hangup\n")
        #expect(file.diagnostics.map(\.message) == ["a line of text cannot have an indented block under it"])
        #expect(file.diagnostics.first?.span.start.line == 6)
    }

    @Test func optionsFlagsArrowsAndBranches() {
        let file = parse("""
            flow f
              number +1-800-555-0100
              step s emergency
                record timeout=30s max=120s beep -> s
                menu
                  on 9 "urgent" -> s
                  on invalid
                    hangup

            """)
        #expect(file.diagnostics.isEmpty)
        let step = file.flows[0].steps[0]
        #expect(step.emergency != nil)
        let record = step.body[0]
        #expect(record.options.map(\.name.text) == ["timeout", "max"])
        #expect(record.arguments.map(\.text) == ["beep"])
        #expect(record.target?.text == "s")
        let branches = step.body[1].children
        #expect(branches[0].arguments.map(\.text) == ["9", "urgent"])
        #expect(branches[1].children.map(\.keyword.text) == ["hangup"])
    }

    @Test func everyErrorInAFileIsReported() {
        let file = parse("flow f\n  number +1-800-555-0100\n  step s\n    say \"open\n    dial x=\n    = 3\n")
        #expect(file.diagnostics.map(\.id) == ["unterminated-string", "syntax", "syntax"])
    }

    @Test func settingsAndStructureErrorsSuggestFixes() {
        let file = parse("flow f\n  numbr +1-800-555-0100\n  step s\n    hangup\n")
        #expect(file.diagnostics.first?.help?.contains("did you mean `number`?") == true)
    }

    @Test func topLevelStatementsOutsideAFlowAreReported() {
        let file = parse("step s\n  hangup\n")
        #expect(file.diagnostics.map(\.id) == ["syntax"])
        #expect(file.flows.isEmpty)
    }

    @Test func nodesCarryTheirSourceRanges() {
        let source = SourceFile(path: "t.ivr", text: "flow f\n  number +1-800-555-0100\n  step s\n    goto s\n")
        let file = Parser.parse(source)
        let statement = file.flows[0].steps[0].body[0]
        let position = source.position(of: statement.range.start)
        #expect((position.line, position.column) == (4, 5))
        #expect(source.position(of: statement.range.end).column == 11)
    }
}

@Suite struct SpellingTests {
    @Test func nearMissesAreSuggested() {
        #expect(Spelling.nearest("timout", in: ["timeout", "tries", "input"]) == "timeout")
        #expect(Spelling.nearest("finish-on-kee", in: ["finish-on-key", "num-digits"]) == "finish-on-key")
        #expect(Spelling.nearest("zzzzzz", in: ["timeout"]) == nil)
    }

    @Test func editDistanceIsLevenshtein() {
        #expect(Spelling.editDistance("kitten", "sitting") == 3)
        #expect(Spelling.editDistance("", "abc") == 3)
        #expect(Spelling.editDistance("same", "same") == 0)
    }
}
