/// Zero-based line and character; what a character is depends on the negotiated `PositionEncodingKind`.
public struct Position: Sendable, Hashable, Codable {
    public let line: Int
    public let character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

public struct Range: Sendable, Hashable, Codable {
    public let start: Position
    public let end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

public struct Location: Sendable, Hashable, Codable {
    public let uri: String
    public let range: Range

    public init(uri: String, range: Range) {
        self.uri = uri
        self.range = range
    }
}

public struct TextEdit: Sendable, Hashable, Codable {
    public let range: Range
    public let newText: String

    public init(range: Range, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// What a character offset counts (LSP 3.17 `PositionEncodingKind`); utf-16 is the default.
public enum PositionEncodingKind: String, Sendable, Hashable, Codable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

public struct TextDocumentIdentifier: Sendable, Hashable, Codable {
    public let uri: String

    public init(uri: String) { self.uri = uri }
}

public struct TextDocumentPositionParams: Sendable, Hashable, Codable {
    public let textDocument: TextDocumentIdentifier
    public let position: Position

    public init(textDocument: TextDocumentIdentifier, position: Position) {
        self.textDocument = textDocument
        self.position = position
    }
}

/// `{"changes": {uri: [TextEdit]}}`.
public struct WorkspaceEdit: Sendable, Hashable, Codable {
    public let changes: [String: [TextEdit]]

    public init(changes: [String: [TextEdit]]) { self.changes = changes }
}

/// `$/cancelRequest`.
public struct CancelParams: Sendable, Hashable, Codable {
    public let id: RequestID

    public init(id: RequestID) { self.id = id }
}
