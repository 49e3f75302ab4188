public struct ReferenceParams: Sendable, Codable {
    public struct Context: Sendable, Codable {
        public let includeDeclaration: Bool

        public init(includeDeclaration: Bool) { self.includeDeclaration = includeDeclaration }
    }

    public let textDocument: TextDocumentIdentifier
    public let position: Position
    public let context: Context

    public init(textDocument: TextDocumentIdentifier, position: Position, context: Context) {
        self.textDocument = textDocument
        self.position = position
        self.context = context
    }
}

public struct RenameParams: Sendable, Codable {
    public let textDocument: TextDocumentIdentifier
    public let position: Position
    public let newName: String

    public init(textDocument: TextDocumentIdentifier, position: Position, newName: String) {
        self.textDocument = textDocument
        self.position = position
        self.newName = newName
    }
}

/// `textDocument/prepareRename`'s `{range, placeholder}` answer.
public struct PrepareRenameResult: Sendable, Hashable, Codable {
    public let range: Range
    public let placeholder: String

    public init(range: Range, placeholder: String) {
        self.range = range
        self.placeholder = placeholder
    }
}
