/// `textDocument/documentSymbol`'s hierarchical answer.
public struct DocumentSymbol: Sendable, Hashable, Codable {
    /// The LSP `SymbolKind` numbers ivrc uses.
    public enum Kind: Int, Sendable, Hashable, Codable {
        case module = 2
        case namespace = 3
        case method = 6
        case function = 12
        case object = 19
        case event = 24
    }

    public let name: String
    public let detail: String?
    public let kind: Kind
    public let range: Range
    public let selectionRange: Range
    public let children: [DocumentSymbol]?

    public init(name: String, detail: String? = nil, kind: Kind, range: Range, selectionRange: Range,
                children: [DocumentSymbol]? = nil) {
        self.name = name
        self.detail = detail
        self.kind = kind
        self.range = range
        self.selectionRange = selectionRange
        self.children = children
    }
}

/// `textDocument/foldingRange`: whole lines.
public struct FoldingRange: Sendable, Hashable, Codable {
    public let startLine: Int
    public let endLine: Int

    public init(startLine: Int, endLine: Int) {
        self.startLine = startLine
        self.endLine = endLine
    }
}

/// `textDocument/formatting` (the options are ivrc's own layout, so they are not read).
public struct DocumentFormattingParams: Sendable, Codable {
    public let textDocument: TextDocumentIdentifier

    public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

/// `textDocument/rangeFormatting`: the lines of `range` (options unread, as for the whole document).
public struct DocumentRangeFormattingParams: Sendable, Codable {
    public let textDocument: TextDocumentIdentifier
    public let range: Range

    public init(textDocument: TextDocumentIdentifier, range: Range) {
        self.textDocument = textDocument
        self.range = range
    }
}
