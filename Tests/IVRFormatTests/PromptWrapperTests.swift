import IVRFormat
import IVRLang
import Testing

/// Long prompts become continued lines that the parser joins back to the same text.
@Suite struct PromptWrapperTests {
    /// 300 characters of prompt: sentences of words separated by single spaces.
    static let longPrompt: String = {
        var text = "Please listen carefully, as our menu options have changed."
        var sentence = 1
        while text.count < 300 {
            text += " Option number \(sentence) connects you to the right team."
            sentence += 1
        }
        return String(text.prefix(300))
    }()

    static func flow(say text: String) -> String {
        """
        flow long
          number +1-800-555-0157
          step main
            say "\(text)"
            hangup

        """
    }

    @Test func aThreeHundredCharacterSayIsWrappedAndCompilesToTheSameText() throws {
        let text = Self.longPrompt
        #expect(text.count == 300 && !text.hasSuffix(" "))
        let source = Self.flow(say: text)
        let formatted = try Fixtures.format(source)
        let sayLines = formatted.split(separator: "\n").filter { $0.hasPrefix("    say") || $0.hasPrefix("      \"") }
        #expect(sayLines.count >= 4)
        #expect(formatted.split(separator: "\n").allSatisfy { $0.count <= SourceFormatter.lineWidth })
        let reparsed = Parser.parse(SourceFile(path: "test.ivr", text: formatted))
        #expect(reparsed.flows[0].steps[0].body[0].arguments.map { $0.text } == [text])
        #expect(try Fixtures.compile([SourceFile(path: "test.ivr", text: formatted)])
            == Fixtures.compile([SourceFile(path: "test.ivr", text: source)]))
    }

    @Test func splitsOnlyAtSingleSpaces() throws {
        let text = Array(repeating: "one  two", count: 20).joined(separator: "  ")
        let formatted = try Fixtures.format(Self.flow(say: text))
        // Every space here is doubled, so there is nowhere to split.
        #expect(formatted.contains("say \"\(text)\""))
    }

    @Test func prefersSentenceEnds() throws {
        let first = "This first sentence is long enough to fill more than half of the line by itself."
        let second = "Then a second sentence follows it and does not fit on the same line at all."
        let formatted = try Fixtures.format(Self.flow(say: first + " " + second))
        #expect(formatted.contains("say \"\(first)\"\n      \"\(second)\"\n"))
    }

    /// A prompt one word too long for its line: the last line takes two words, never one.
    @Test func theLastLineNeverHoldsOneWordAlone() throws {
        let text = "Thank you for calling the Lakeview Family Clinic patient line, where every call matters to us."
        let formatted = try Fixtures.format(Self.flow(say: text))
        #expect(formatted.contains("matters\"\n      \"to us.\"\n"), "\(formatted)")
        #expect(formatted.split(separator: "\n").allSatisfy { $0.count <= SourceFormatter.lineWidth })
        #expect(try Fixtures.format(formatted) == formatted)
    }

    /// A prompt with translations under it wraps like any other; its translations stay its
    /// children and the flow compiles to the same documents.
    @Test func aTranslatedPromptWrapsToo() throws {
        let source = """
            flow long
              number +1-800-555-0157
              languages en-US es-MX
              step main
                say "Thank you for calling the Lakeview Family Clinic patient line, where every call matters to us all."
                  es-MX "Gracias por llamar a la línea de pacientes de la Clínica Familiar Lakeview, donde cada llamada importa."
                hangup

            """
        let formatted = try Fixtures.format(source)
        #expect(formatted.split(separator: "\n").allSatisfy { $0.count <= SourceFormatter.lineWidth }, "\(formatted)")
        #expect(formatted.contains("matters to\"\n      \"us all.\"\n      es-MX \""), "\(formatted)")
        #expect(try Fixtures.compile([SourceFile(path: "test.ivr", text: formatted)])
            == Fixtures.compile([SourceFile(path: "test.ivr", text: source)]))
    }

    @Test func escapesCountTowardsTheWidth() throws {
        let text = Array(repeating: "\\\"quoted\\\"", count: 12).joined(separator: " ")
        let formatted = try Fixtures.format(Self.flow(say: text))
        #expect(formatted.split(separator: "\n").allSatisfy { $0.count <= SourceFormatter.lineWidth })
        #expect(formatted.split(separator: "\n").count > 5)
    }

    @Test func aRunOfDigitsIsNeverSplit() throws {
        for padding in 0..<60 {
            let text = String(repeating: "a", count: padding) + " If this is an emergency please hang up now and dial 9 1 1 9 1 1 at once, then wait."
            let lines = try Fixtures.format(Self.flow(say: text)).split(separator: "\n").map(String.init)
            for (line, next) in zip(lines, lines.dropFirst()) {
                let endsInDigit = line.hasSuffix("\"") && line.dropLast().last?.isNumber == true
                let startsWithDigit = next.trimmingCharacters(in: .whitespaces).dropFirst().first?.isNumber == true
                #expect(!(endsInDigit && startsWithDigit), "split inside a run of digits:\n\(line)\n\(next)")
            }
        }
    }

    @Test func optionsStayAfterTheWholeText() throws {
        let words = Self.longPrompt.split(separator: " ")
        let first = words.prefix(20).joined(separator: " "), second = words.dropFirst(20).joined(separator: " ")
        let formatted = try Fixtures.format("""
            flow long
              number +1-800-555-0157
              step main
                say "\(first)" voice=man
                  "\(second)"
                hangup

            """)
        #expect(formatted.contains("    say \"\(first) \(second)\" voice=man\n    hangup"), "\(formatted)")
    }
}
