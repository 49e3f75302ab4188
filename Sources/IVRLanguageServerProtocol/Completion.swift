/// `textDocument/completion`'s items (answered as a plain array).
public struct CompletionItem: Sendable, Hashable, Codable {
    /// The LSP `CompletionItemKind` numbers ivrc uses.
    public enum Kind: Int, Sendable, Hashable, Codable {
        case function = 3
        case field = 5
        case variable = 6
        case module = 9
        case property = 10
        case value = 12
        case keyword = 14
        case enumMember = 20
        case constant = 21
    }

    public let label: String
    public let kind: Kind
    public let detail: String?

    public init(label: String, kind: Kind, detail: String? = nil) {
        self.label = label
        self.kind = kind
        self.detail = detail
    }
}
