import IVRLang
import Testing

/// The syntax of languages: `languages` takes several tags, `voice` a block of per-language
/// voices, a `say` the lines of its other languages, a branch its phrases and choice as options.
@Suite struct LanguageSyntaxTests {
    private func parse(_ text: String) -> ParsedFile {
        Parser.parse(SourceFile(path: "t.ivr", text: text))
    }

    static let source = """
        flow f
          number +1-800-555-0100
          languages en-US es-MX fr-CA
          voice Polly.Joanna
            es-MX Polly.Mia
          step s
            say "Hello."
              es-MX
                "Hola,"
                "bienvenido."
              fr-CA "Bonjour."
            menu
              on 1 "yes" es-MX="sí" -> s language=es-MX
        """

    @Test func settingsTextLinesAndBranchOptionsAreKept() throws {
        let file = parse(Self.source)
        #expect(file.diagnostics.isEmpty)
        let flow = try #require(file.flows.first)
        #expect(flow.setting("languages")?.values.map(\.text) == ["en-US", "es-MX", "fr-CA"])
        #expect(flow.setting("voice")?.value?.text == "Polly.Joanna")
        #expect(flow.setting("voice")?.children.map { "\($0.keyword.text) \($0.arguments.map(\.text))" } == ["es-MX [\"Polly.Mia\"]"])
        let say = flow.steps[0].body[0]
        #expect(say.children.map(\.keyword.text) == ["es-MX", "fr-CA"])
        #expect(say.children[0].arguments.map(\.text) == ["Hola, bienvenido."])
        let branch = flow.steps[0].body[1].children[0]
        #expect(branch.options.map { "\($0.name.text)=\($0.value?.text ?? "")" } == ["es-MX=sí", "language=es-MX"])
        #expect(branch.target?.text == "s")
    }

    @Test func languagesNeedsAValueAndOtherSettingsNoBlock() {
        let file = parse("flow f\n  number +1-800-555-0100\n  languages\n  industry general\n    es-MX healthcare\n  step s\n    hangup\n")
        #expect(file.diagnostics.map(\.message) == ["setting `languages` takes one or more values", "setting `industry` takes exactly one value"])
        #expect(file.diagnostics.map(\.span.start.line) == [3, 4])
    }
}
