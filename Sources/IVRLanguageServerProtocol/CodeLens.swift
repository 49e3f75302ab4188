/// `textDocument/codeLens` parameters.
public struct CodeLensParams: Sendable, Hashable, Codable {
    public let textDocument: TextDocumentIdentifier

    public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

/// A command the client shows and, when chosen, sends back in `workspace/executeCommand`.
public struct Command: Sendable, Hashable, Codable {
    public let title: String
    public let command: String
    public let arguments: [JSONValue]?

    public init(title: String, command: String, arguments: [JSONValue]? = nil) {
        self.title = title
        self.command = command
        self.arguments = arguments
    }
}

/// A command shown above a line. Ours always carry their command, so there is no
/// `codeLens/resolve` and no `data`.
public struct CodeLens: Sendable, Hashable, Codable {
    /// A single line, as the specification asks.
    public let range: Range
    public let command: Command?

    public init(range: Range, command: Command) {
        self.range = range
        self.command = command
    }
}
