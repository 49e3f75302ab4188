import IVRCheck
import IVRLang
@testable import IVRReport
import Testing

@Suite struct GitHubAnnotationsTests {
    let span = SourceSpan(file: "flows/a,b:c.ivr", start: SourcePosition(line: 3, column: 5, offset: 40),
                          end: SourcePosition(line: 3, column: 9, offset: 44))

    @Test func messageEscapesPercentAndLineBreaks() {
        #expect(GitHubAnnotations.escapeData("100%\r\nnext") == "100%25%0D%0Anext")
        #expect(GitHubAnnotations.escapeData("a: b, c") == "a: b, c")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubAnnotations.escapeProperty("a,b:c%") == "a%2Cb%3Ac%25")
    }

    @Test func errorsAndWarningsUseTheirCommands() {
        let error = Diagnostic.error(.syntax, "bad, really: bad", at: span, help: "fix it")
        #expect(GitHubAnnotations.command(error)
            == "::error file=flows/a%2Cb%3Ac.ivr,line=3,col=5,endLine=3,endColumn=9,title=syntax::bad, really: bad%0Ahelp: fix it\n")
        let warning = Diagnostic.warning(Waivers.unused, "stale", at: span)
        #expect(GitHubAnnotations.command(warning).hasPrefix("::warning file="))
    }
}
