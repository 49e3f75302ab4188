import IVRLang
import IVRLanguageServerProtocol

/// `textDocument/codeLens`: "▶ run test" on every `test` block of the document's flows, and
/// "▶ run all tests" beside the first when there are several. Each runs a `TestCommands` command.
enum TestLenses {
    static func respond(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(CodeLensParams.self)
        let document = try session.document(params.textDocument.uri)
        let tests = document.parsed.flows.flatMap(\.tests)
        let lenses = tests.map { test in
            CodeLens(range: header(test, document), command: TestCommands.command(.runTest, document.uri, test: test.description))
        }
        guard tests.count > 1, let first = tests.first else { return lenses }
        return [CodeLens(range: header(first, document), command: TestCommands.command(.runTests, document.uri))] + lenses
    }

    /// The `test "…"` line: a lens's range is a single line.
    private static func header(_ test: TestDecl, _ document: Document) -> Range {
        let line = document.source.lineRange(document.source.line(of: test.range.start))
        return document.range(of: SourceRange(test.range.start, max(test.range.start, line.upperBound)))
    }
}
