import IVRCheck
import IVRLang
import Testing

/// An option whose TeXML type is a number, a list of words or a pattern cannot be filled from a
/// value: the filled document would break the schema when it is answered (a 500), so the
/// compiler refuses it at the placeholder.
@Suite struct PlaceholderInOptionTests {
    private func diagnostics(_ statement: String) -> [Diagnostic] {
        RuleTesting.frontEndDiagnostics("""
            flow f
              number +1-800-555-0100

              step main
                gather v -> use
                  say "Which?"
                  on timeout -> main

              step use
                \(statement)
                hangup
            """)
    }

    @Test(arguments: [
        (#"say "Hi." voice={{v}}"#, 21, "`voice` cannot be filled from `{{v}}`: the TeXML `voice` has an invalid form"),
        (#"say "Hi." voice="Polly.{{ v }}""#, 28, "`voice` cannot be filled from `{{v}}`: the TeXML `voice` has an invalid form"),
        ("dial +1-555-010-0200 timeout={{v}}", 34, "`timeout` cannot be filled from `{{v}}`: the TeXML `timeout` must be a whole number of seconds"),
        ("dial +1-555-010-0200 record={{v}}", 33, "`record` cannot be filled from `{{v}}`: the TeXML `record` must be one of"),
    ])
    func aValueInAFixedFormOptionIsAnErrorAtThePlaceholder(_ statement: String, _ column: Int, _ message: String) throws {
        let found = diagnostics(statement).filter { $0.id == "placeholder-in-option" }
        let finding = try #require(found.first, "\(statement): \(RuleTesting.describe(diagnostics(statement)))")
        #expect(found.count == 1)
        #expect(finding.message.hasPrefix(message), "\(finding.message)")
        #expect(finding.span.start.line == 10 && finding.span.start.column == column, "\(finding.span)")
        #expect(finding.severity == .error)
        #expect(finding.help?.contains("branch with a `menu`") == true)
        #expect(!diagnostics(statement).contains { $0.id == "invalid-option" }, "reported once, as what it is")
    }

    /// Text and URLs take any value (escaped, percent-encoded); a caller ID of `{{From}}` is
    /// checked per call (`not-e164`).
    @Test func textURLsAndPlaceholderTypedOptionsTakeValues() {
        for statement in [#"play https://audio.example.com/{{v}}.mp3 loop=2"#, #"dial +1-555-010-0200 caller-id={{From}}"#,
                          #"record play-beep=true recording-status-callback=https://r.example.com/{{v}}"#] {
            let found = diagnostics(statement).filter { $0.id == "placeholder-in-option" || $0.id == "invalid-option" }
            #expect(found.isEmpty, "\(statement): \(RuleTesting.describe(found))")
        }
    }
}
