import IVRCheck
import IVRLang
import Testing

/// A value may fill a URL's path or query, never its scheme or host: a caller must not choose
/// the server an http-request or a fetched document goes to.
@Suite struct PlaceholderInHostTests {
    private func diagnostics(_ url: String) -> [Diagnostic] {
        RuleTesting.frontEndDiagnostics("""
            flow f
              number +1-800-555-0100

              step main
                gather x -> fetch
                  say "Which?"

              step fetch
                redirect \(url)
            """)
    }

    @Test(arguments: [
        ("https://api.example.com{{x}}/v1", 37),
        ("https://{{x}}.example.com/v1", 22),
        ("https://user@api.example.com:{{x}}", 43),
    ])
    func aPlaceholderBeforeThePathIsAnErrorAtThePlaceholder(_ url: String, _ column: Int) throws {
        let found = diagnostics(url).filter { $0.id == "placeholder-in-host" }
        let finding = try #require(found.first, "\(url): \(RuleTesting.describe(diagnostics(url)))")
        #expect(found.count == 1)
        #expect(finding.message == "`{{x}}` stands in the URL's scheme or host")
        #expect(finding.span.start.line == 9 && finding.span.start.column == column, "\(finding.span)")
        #expect(finding.severity == .error)
    }

    @Test func aPlaceholderInThePathOrQueryOrWrittenByTheDeployerIsAccepted() {
        for url in ["https://api.example.com/{{x}}", "https://api.example.com?q={{x}}", "https://{{env.api_host}}/v1"] {
            #expect(!diagnostics(url).contains { $0.id == "placeholder-in-host" }, "\(url)")
        }
    }
}
