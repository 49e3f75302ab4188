import IVRCheck
import IVRLang
import Testing

/// `missing-translation` and `recording-disclosure` over (step, language) states: located
/// findings, naming the step and the language, and silence when every language is covered.
@Suite struct LanguageRuleTests {
    static func flow(welcome: String, message: String) -> String {
        """
        flow clinic
          number +1-800-555-0157
          languages en-US es-MX

          step welcome
        \(welcome)
            menu
              say "For English, press 1."
                es-MX "Para español, oprima 2."
              on 1 -> message
              on 2 language=es-MX -> message
              on timeout -> message
              on invalid -> message

          step message
        \(message)
            record max=60s beep
        """
    }

    static let disclose = "    disclose \"This call is recorded.\""
    static let discloseBoth = disclose + "\n      es-MX \"Esta llamada se graba.\""

    @Test func aPromptWithoutTheCallersLanguageIsReportedAtThePrompt() throws {
        let findings = RuleTesting.findings(MissingTranslationRule(), Self.flow(welcome: "", message: Self.disclose))
        let finding = try #require(findings.first)
        #expect(findings.count == 1, "\(RuleTesting.describe(findings))")
        #expect(finding.span.start.line == 16 && finding.span.start.column == 5)
        #expect(finding.message == "`disclose \"This call is recorded.\"` has no es-MX text, but a call reaches it in es-MX (step `message`)")
        #expect(finding.help == "add the es-MX text on a line under it: `es-MX \"…\"`")
        #expect(finding.notes.first?.span.start.line == 15)
    }

    @Test func aPromptOnlyTheFirstLanguageReachesNeedsNoTranslation() {
        let findings = RuleTesting.findings(MissingTranslationRule(), Self.flow(welcome: Self.disclose, message: Self.discloseBoth))
        #expect(findings.isEmpty, "\(RuleTesting.describe(findings))")
    }

    @Test func aPhraseWithoutTheCallersLanguageIsReportedAtTheBranch() throws {
        let source = """
            flow clinic
              number +1-800-555-0157
              languages en-US es-MX

              step welcome
                language es-MX
                menu
                  say "Say help."
                    es-MX "Diga ayuda."
                  on 1 "help" -> welcome
                  on 2 "operator" es-MX="operadora" -> welcome
            """
        let findings = RuleTesting.findings(MissingTranslationRule(), source)
        #expect(findings.map(\.span.start.line) == [10], "\(RuleTesting.describe(findings))")
        #expect(findings.first?.help == "give the es-MX phrase on the branch: `on 1 \"help\" es-MX=\"…\"`")
    }

    @Test func aDisclosureHeardOnlyInEnglishDoesNotCoverTheSpanishPath() throws {
        let findings = RuleTesting.findings(RecordingDisclosureRule(), Self.flow(welcome: Self.disclose, message: ""))
        let finding = try #require(findings.first)
        #expect(findings.count == 1, "\(RuleTesting.describe(findings))")
        #expect(finding.span.start.line == 17)
        #expect(finding.message.contains("in es-MX, the language the call speaks here (only in en-US)"), "\(finding.message)")
        let note = try #require(finding.notes.first)
        #expect(note.message.contains("by press 2 (the call now speaks es-MX) to `message`"), "\(note.message)")
        #expect(note.message.contains("no `disclose` in es-MX"), "\(note.message)")
    }

    @Test func aDisclosureWithoutSpanishTextIsNotHeardInSpanish() {
        let findings = RuleTesting.findings(RecordingDisclosureRule(), Self.flow(welcome: "", message: Self.disclose))
        #expect(findings.map(\.span.start.line) == [17], "\(RuleTesting.describe(findings))")
    }

    @Test func aDisclosureInEveryLanguageAfterTheChoicePasses() {
        let findings = RuleTesting.findings(RecordingDisclosureRule(), Self.flow(welcome: "", message: Self.discloseBoth))
        #expect(findings.isEmpty, "\(RuleTesting.describe(findings))")
    }

    /// Switching back to a language the notice was heard in is covered again.
    @Test func switchingBackToAHeardLanguageIsCovered() {
        let source = """
            flow clinic
              number +1-800-555-0157
              languages en-US es-MX

              step welcome
                disclose "This call is recorded."
                language es-MX
                say "One moment."
                  es-MX "Un momento."
                language en-US
                record max=60s beep
            """
        #expect(RuleTesting.findings(RecordingDisclosureRule(), source).isEmpty)
    }

    /// A placeholder misspelt only in the Spanish text is reported on the Spanish line.
    @Test func aPlaceholderInATranslationIsLocatedOnItsLine() throws {
        let message = "    gather ext num-digits=3 -> bye\n      say \"Extension?\"\n        es-MX \"¿Extensión?\"\n      on timeout -> message\n"
            + "\n  step bye\n    say \"Calling {{ext}}.\"\n      es-MX \"Llamando a {{ex}}.\"\n    hangup"
        let source = Self.flow(welcome: Self.discloseBoth, message: message)
            .replacingOccurrences(of: "\n    record max=60s beep", with: "")
        let findings = RuleTesting.findings(UnknownPlaceholderRule(), source)
        #expect(findings.count == 1, "\(RuleTesting.describe(findings))")
        let finding = try #require(findings.first)
        #expect(finding.message.hasPrefix("`{{ex}}` names nothing"))
        #expect(finding.span.start.line == 24 && finding.span.start.column == 27, "\(finding.span)")
    }
}
