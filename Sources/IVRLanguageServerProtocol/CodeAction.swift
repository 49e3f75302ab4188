/// `textDocument/codeAction` parameters: the server offers fixes for its own findings in the
/// range, so the context's copy of the diagnostics is not read.
public struct CodeActionParams: Sendable, Codable {
    public let textDocument: TextDocumentIdentifier
    public let range: Range

    public init(textDocument: TextDocumentIdentifier, range: Range) {
        self.textDocument = textDocument
        self.range = range
    }
}

/// A quick fix: an edit and the findings it fixes.
public struct CodeAction: Sendable, Hashable, Codable {
    public let title: String
    public let kind: String
    public let diagnostics: [LSPDiagnostic]
    public let isPreferred: Bool
    public let edit: WorkspaceEdit

    public init(title: String, diagnostics: [LSPDiagnostic], isPreferred: Bool, edit: WorkspaceEdit) {
        self.title = title
        kind = "quickfix"
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
    }
}
