/// `textDocument/hover`: Markdown.
public struct Hover: Sendable, Hashable, Codable {
    public struct MarkupContent: Sendable, Hashable, Codable {
        public let kind: String
        public let value: String
    }

    public let contents: MarkupContent
    public let range: Range?

    public init(markdown: String, range: Range?) {
        contents = MarkupContent(kind: "markdown", value: markdown)
        self.range = range
    }
}
