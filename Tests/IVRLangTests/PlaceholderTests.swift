import IVRLang
import IVRTestSupport
import Testing

@Suite struct PlaceholderTests {
    @Test(arguments: PlaceholderCases.table.indices)
    func splitsEachEdgeCaseIntoItsPieces(_ index: Int) {
        let (text, pieces) = PlaceholderCases.table[index]
        #expect(Placeholder.pieces(in: text) == pieces, "\(text)")
    }

    @Test func piecesCoverTheTextInOrder() {
        for (text, pieces) in PlaceholderCases.table {
            let ranges = pieces.map { piece -> Range<Int> in
                switch piece {
                case .literal(let range), .malformed(let range), .placeholder(_, let range, _): range
                }
            }
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "\(text)")
            #expect(ranges.first?.lowerBound ?? 0 == 0 && ranges.last?.upperBound ?? 0 == text.utf8.count, "\(text)")
        }
    }

    @Test func aTenThousandCharacterTextIsScannedWhole() {
        let text = String(repeating: "say {{x}} ", count: 1_000)
        #expect(text.utf8.count == 10_000)
        #expect(Placeholder.names(in: text) == Array(repeating: "x", count: 1_000))
        #expect(Placeholder.pieces(in: text).last == .literal(9_999..<10_000))
        let unclosed = "{{" + String(repeating: "a", count: 9_998)
        #expect(Placeholder.pieces(in: unclosed) == [.malformed(0..<10_000)])
    }

    @Test func substitutionFillsOnlyPlaceholdersAndNeverExpandsAValue() {
        let text = "{{#x}}{{ x }}{{/x}} {{y}} {{{x}}}"
        #expect(Placeholder.substitute(text) { $0 == "x" ? "{{y}}" : nil } == "{{#x}}{{y}}{{/x}} {{y}} {{{x}}}")
    }

    @Test func aWholePlaceholderIsOneDialTarget() {
        #expect(Placeholder.isPlaceholder("{{callback}}"))
        #expect(Placeholder.isPlaceholder("{{ callback }}"))
        #expect(!Placeholder.isPlaceholder("{{a}}{{b}}"))
        #expect(!Placeholder.isPlaceholder("{{#a}}"))
        #expect(!Placeholder.isPlaceholder("{{a}} "))
    }

    private func diagnostics(_ statement: String) -> [Diagnostic] {
        Parser.parse(SourceFile(path: "t.ivr", text: "flow f\n  number +1-800-555-0100\n  step s\n    \(statement)\n")).diagnostics
    }

    @Test func textPointsAtTheOpeningBracesPastAnEmoji() throws {
        let found = diagnostics("say \"🎉 You pressed {{#Digits}}.\"")
        #expect(found.map(\.id) == ["invalid-placeholder"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message == "`{{#Digits}}` is not a placeholder")
        #expect(diagnostic.span.start.line == 4 && diagnostic.span.start.column == 24)
        #expect(diagnostic.span.end.column == 35)
        #expect(diagnostic.help?.contains("write `{ {`") == true)
    }

    @Test func urlsSipTargetsAndBareTargetsAreChecked() {
        #expect(diagnostics("play https://example.com/{{9x}}.mp3").map(\.span.start.column) == [30])
        #expect(diagnostics("dial sip:{{}}@pbx.example.com").map(\.span.start.column) == [14])
        let bare = diagnostics("dial {{#x}}")
        #expect(bare.map(\.id) == ["invalid-placeholder"] && bare.map(\.span.start.column) == [10])
        let unclosed = diagnostics("dial {{ext")
        #expect(unclosed.map(\.message) == ["this `{{` is not closed by `}}`"] && unclosed.map(\.span.end.column) == [12])
    }

    @Test func anEscapeBeforeThePieceStillReportsItAtTheString() {
        let found = diagnostics("say \"\\u{7B}\\u{7B}#x}}\"")
        #expect(found.map(\.id) == ["invalid-placeholder"])
        #expect(found.map(\.span.start.column) == [9])
    }

    @Test func wellFormedPlaceholdersAndLoneBracesAreNotReported() {
        #expect(diagnostics("say \"{{ From }} pressed {{Digits}}; a { and a }} are literal\"").isEmpty)
        #expect(diagnostics("dial {{ext}}").isEmpty)
        #expect(diagnostics("dial sip:{{ext}}@pbx.example.com").isEmpty)
    }
}
