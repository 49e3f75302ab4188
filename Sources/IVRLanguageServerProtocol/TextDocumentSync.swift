public struct TextDocumentItem: Sendable, Codable {
    public let uri: String
    public let languageId: String
    public let version: Int
    public let text: String

    public init(uri: String, languageId: String, version: Int, text: String) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.text = text
    }
}

public struct DidOpenTextDocumentParams: Sendable, Codable {
    public let textDocument: TextDocumentItem

    public init(textDocument: TextDocumentItem) { self.textDocument = textDocument }
}

public struct VersionedTextDocumentIdentifier: Sendable, Codable {
    public let uri: String
    public let version: Int

    public init(uri: String, version: Int) {
        self.uri = uri
        self.version = version
    }
}

/// With full synchronisation every change is the whole text (`range` absent).
public struct TextDocumentContentChangeEvent: Sendable, Codable {
    public let text: String

    public init(text: String) { self.text = text }
}

public struct DidChangeTextDocumentParams: Sendable, Codable {
    public let textDocument: VersionedTextDocumentIdentifier
    public let contentChanges: [TextDocumentContentChangeEvent]

    public init(textDocument: VersionedTextDocumentIdentifier, contentChanges: [TextDocumentContentChangeEvent]) {
        self.textDocument = textDocument
        self.contentChanges = contentChanges
    }
}

/// `didClose` and `didSave` carry just the document.
public struct TextDocumentParams: Sendable, Codable {
    public let textDocument: TextDocumentIdentifier

    public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}
