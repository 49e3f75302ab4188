import IVRBundle
import IVRCheck
import IVRLang
import Testing

/// `languages`, text per language, voices, phrases and the language choice: what the resolver
/// makes of them, and each bad form as a located diagnostic.
@Suite struct LanguageResolutionTests {
    static let bilingual = """
        flow clinic
          number +1-800-555-0157
          languages en-US es-MX
          voice Polly.Joanna
            es-MX Polly.Mia

          step welcome
            menu
              say "For English, press 1."
                es-MX "Para español, oprima 2."
              on 1 "english" es-MX="inglés" -> main
              on 2 language=es-MX -> main
              on timeout -> main
              on invalid -> main

          step main
            language es-MX
            say "How can we help?"
              es-MX
                "¿En qué"
                "podemos ayudarle?"
            hangup
        """

    @Test func theFlowsLanguagesVoicesAndTextsAreRead() throws {
        let result = Checker.check([SourceFile(path: "clinic.ivr", text: Self.bilingual)], rules: [])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        let flow = try #require(result.graph.flows.first)
        #expect(flow.languages == ["en-US", "es-MX"])
        #expect(flow.startLanguage == "en-US")
        #expect(flow.voices == ["es-MX": "Polly.Mia"])
        guard case .menu(let menu) = flow.steps[0].actions[0].kind else { Issue.record("no menu"); return }
        #expect(menu.prompts[0].text(in: "es-MX", of: flow) == "Para español, oprima 2.")
        #expect(menu.prompts[0].text(in: "en-US", of: flow) == "For English, press 1.")
        #expect(menu.branch(.digits("1"))?.phrase(in: "es-MX", of: flow) == "inglés")
        #expect(menu.branch(.digits("2"))?.language == "es-MX")
        guard case .language(let chosen) = flow.steps[1].actions[0].kind else { Issue.record("no language statement"); return }
        #expect(chosen == "es-MX")
        #expect(flow.steps[1].actions[1].text(in: "es-MX", of: flow) == "¿En qué podemos ayudarle?")
    }

    @Test func everyStepIsVisitedInEveryLanguageACallCanBeIn() throws {
        let result = Checker.check([SourceFile(path: "clinic.ivr", text: Self.bilingual)], rules: [])
        let flow = try #require(result.graph.flows.first)
        let states = flow.languageStates().map { "\(flow.steps[$0.step].name) \($0.language ?? "-")" }
        #expect(states == ["welcome en-US", "main en-US", "main es-MX"])
        #expect(flow.language(at: 2, of: 1, enteredIn: "en-US") == "es-MX")
    }

    /// A flow without `languages` speaks its `language` throughout, as before.
    @Test func aFlowWithOneLanguageHasOneStatePerStep() throws {
        let source = "flow f\n  number +1-800-555-0157\n  language fr-CA\n\n  step a\n    say \"Bonjour.\"\n    hangup\n"
        let flow = try #require(Checker.check([SourceFile(path: "f.ivr", text: source)], rules: []).graph.flows.first)
        #expect(flow.languageStates().map { "\($0.step) \($0.language ?? "-")" } == ["0 fr-CA"])
    }

    /// (source, id, line, column, part of the message)
    static let badInputs: [(String, String, Int, Int, String)] = [
        ("  languages en-US es-mx\n", "invalid-language", 3, 19, "`es-mx` is not a language tag"),
        ("  languages en-US spanish\n", "invalid-language", 3, 19, "`spanish` is not a language tag"),
        ("  languages en-US es-MX es-MX\n", "duplicate-translation", 3, 25, "`es-MX` is listed twice"),
        ("  languages en-US\n", "undeclared-language", 7, 7, "`es-MX` is not one of this flow's languages"),
        ("", "undeclared-language", 6, 7, "`es-MX` is not one of this flow's languages"),
    ]

    @Test(arguments: badInputs.indices)
    func badLanguageInputIsALocatedDiagnostic(_ index: Int) throws {
        let (settings, id, line, column, message) = Self.badInputs[index]
        let source = "flow f\n  number +1-800-555-0157\n\(settings)\n  step a\n    say \"Hello.\"\n      es-MX \"Hola.\"\n    hangup\n"
        let diagnostics = Checker.check([SourceFile(path: "f.ivr", text: source)], rules: []).diagnostics
        let found = try #require(diagnostics.first { $0.id == id }, "\(RuleTesting.describe(diagnostics))")
        #expect(found.message.contains(message), "\(found.message)")
        #expect(found.span.start.line == line && found.span.start.column == column, "\(RuleTesting.describe([found]))")
    }

    @Test func aLanguageTagInTheWrongCaseGetsItsSpelling() throws {
        let source = "flow f\n  number +1-800-555-0157\n  languages en-US ES-mx\n\n  step a\n    hangup\n"
        let diagnostic = try #require(Checker.check([SourceFile(path: "f.ivr", text: source)], rules: []).diagnostics.first)
        #expect(diagnostic.help == "write it `es-MX`")
    }

    /// (lines under the `say`, and on the branch, id, line, column)
    static let twice: [(String, String, String, Int, Int)] = [
        ("      es-MX \"Hola.\"\n      es-MX \"Buenas.\"\n", "", "duplicate-translation", 8, 7),
        ("      en-US \"Hi.\"\n", "", "duplicate-translation", 7, 7),
        // Two phrases per language are allowed (several phrases per key); the same one twice is not.
        ("", " es-MX=\"sí\" es-MX=\"sí\"", "duplicate-translation", 9, 29),
        ("", " fr-CA=\"oui\"", "undeclared-language", 9, 18),
        ("", " language=es_MX", "invalid-language", 9, 27),
        ("      es_MX \"Hola.\"\n", "", "invalid-language", 7, 7),
    ]

    @Test(arguments: twice.indices)
    func textsPhrasesAndChoicesAreCheckedWhereWritten(_ index: Int) throws {
        let (lines, branch, id, line, column) = Self.twice[index]
        let source = """
            flow f
              number +1-800-555-0157
              languages en-US es-MX

              step a
                say "Hello."
            \(lines)    menu
                  say "Say yes."
                  on 1 "yes"\(branch) -> a
            """
        let diagnostics = Checker.check([SourceFile(path: "f.ivr", text: source)], rules: []).diagnostics
        let found = try #require(diagnostics.first { $0.id == id }, "\(RuleTesting.describe(diagnostics))")
        #expect(found.span.start.line == line && found.span.start.column == column, "\(RuleTesting.describe([found]))")
    }

    @Test func newDiagnosticIdsAreDescribed() {
        let ids = Set(FrontEndDiagnostics.all.map(\.rawValue))
        #expect(ids.isSuperset(of: ["invalid-language", "undeclared-language", "duplicate-translation"]))
    }

    @Test(arguments: ["en-US", "es-MX", "fr", "zh-Hans-CN", "es-419"])
    func tagsInTheirUsualCaseAreValid(_ tag: String) {
        #expect(LanguageTag.isValid(tag))
    }

    @Test(arguments: ["spanish", "es_MX", "e", "en-", "en-US-x-private", "es-mx"])
    func otherSpellingsAreNot(_ text: String) {
        #expect(!LanguageTag.isValid(text))
    }
}
