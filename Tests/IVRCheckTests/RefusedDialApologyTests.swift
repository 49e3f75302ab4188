import IVRBundle
import IVRCheck
import IVRLang
import Testing

/// `missing-translation` covers the apology a refused dial of a value is said in: every
/// language a call reaches such a dial in needs a built-in text.
@Suite struct RefusedDialApologyTests {
    func findings(language line: String, target: String) -> [Diagnostic] {
        let source = """
            flow line
              number +1-800-555-0157
              \(line)

              step welcome
                gather ext num-digits=3 -> connect
                  say "Extension?"
                  on timeout -> goodbye

              step connect
                dial \(target) -> goodbye

              step goodbye
                hangup
            """
        return Checker.check([SourceFile(path: "line.ivr", text: source)]).diagnostics.filter { $0.id == "missing-translation" }
    }

    @Test func aDialOfAValueInALanguageWithoutAnApologyIsReportedAtTheTarget() throws {
        let found = findings(language: "language ja-JP", target: "sip:{{ext}}@pbx.example.com")
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.contains("no ja-JP apology"))
        #expect(finding.span.start.line == 11 && finding.span.start.column == 10)
        #expect(finding.help?.contains("de, en, es, fr, it, nl, pt") == true)
    }

    @Test func builtInLanguagesAndFixedTargetsNeedNothing() {
        #expect(findings(language: "language es-US", target: "sip:{{ext}}@pbx.example.com").isEmpty)
        #expect(findings(language: "languages en-GB fr-CA", target: "{{ext}}").isEmpty)
        #expect(findings(language: "language ja-JP", target: "+1-555-010-0200").isEmpty)
    }

    @Test func theApologyIsLookedUpByPrimarySubtag() {
        #expect(RefusedDialApology.text(in: "es-MX") == RefusedDialApology.text(in: "es-ES"))
        #expect(RefusedDialApology.text(in: nil) == "Sorry, that number cannot be dialled.")
        #expect(RefusedDialApology.text(in: "ja-JP") == nil)
    }
}
