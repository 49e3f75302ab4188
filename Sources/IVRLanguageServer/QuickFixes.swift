import IVRCheck
import IVRLang
import IVRLanguageServerProtocol

/// `textDocument/codeAction`: the fix-its the checker attached to its findings in the range, and
/// for a finding of a rule, a waiver above its line with a reason to fill in.
enum QuickFixes {
    static let waivable = Set(RuleCatalog.all.map(\.description.id))

    static func respond(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(CodeActionParams.self)
        let document = try session.document(params.textDocument.uri)
        let touched = (session.findings[document.path] ?? []).filter { overlaps($0.published.range, params.range) }
        return touched.flatMap { finding, published in
            finding.fixIts.compactMap { action($0, for: published, session) }
                + (waivable.contains(finding.id) ? [waiver(finding, published, document)] : [])
        }
    }

    private static func action(_ fix: FixIt, for published: LSPDiagnostic, _ session: Session) -> CodeAction? {
        var changes: [String: [TextEdit]] = [:]
        for change in fix.changes {
            guard let converter = session.converters[change.span.file] else { return nil }
            changes[DocumentURI.uri(of: change.span.file), default: []].append(
                TextEdit(range: converter.range(of: change.span), newText: change.replacement))
        }
        return CodeAction(title: fix.message, diagnostics: [published], isPreferred: true, edit: WorkspaceEdit(changes: changes))
    }

    /// `# ivrc: allow ID -- REASON` on a line of its own above the finding, at its indentation.
    private static func waiver(_ finding: Diagnostic, _ published: LSPDiagnostic, _ document: Document) -> CodeAction {
        let line = published.range.start.line
        let text = document.source.lineText(line + 1)
        let indentation = String(text.prefix { $0 == " " })
        let start = Position(line: line, character: 0)
        let edit = TextEdit(range: Range(start: start, end: start), newText: "\(indentation)# ivrc: allow \(finding.id) -- REASON\n")
        return CodeAction(title: "Allow `\(finding.id)` here (say why)", diagnostics: [published], isPreferred: false,
                          edit: WorkspaceEdit(changes: [document.uri: [edit]]))
    }

    private static func overlaps(_ a: Range, _ b: Range) -> Bool {
        let aStart = (a.start.line, a.start.character), aEnd = (a.end.line, a.end.character)
        let bStart = (b.start.line, b.start.character), bEnd = (b.end.line, b.end.character)
        return aStart <= bEnd && bStart <= aEnd
    }
}
