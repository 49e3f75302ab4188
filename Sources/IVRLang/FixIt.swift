/// A machine-applicable change that fixes a finding (as swift-syntax's `FixIt`): each change
/// replaces the text of a span. Editors offer it as a quick fix; `--format json` and SARIF carry it.
public struct FixIt: Sendable, Hashable, Codable {
    public struct Change: Sendable, Hashable, Codable {
        public let span: SourceSpan
        public let replacement: String

        public init(_ span: SourceSpan, with replacement: String) {
            self.span = span
            self.replacement = replacement
        }
    }

    /// What applying it does, as a command: "Replace with `finish-on-key`".
    public let message: String
    public let changes: [Change]

    public init(_ message: String, _ changes: [Change]) {
        self.message = message
        self.changes = changes
    }

    /// The common fix: write `replacement` where `span` is.
    public static func replace(_ span: SourceSpan, with replacement: String) -> FixIt {
        FixIt("Replace with `\(replacement)`", [Change(span, with: replacement)])
    }
}
