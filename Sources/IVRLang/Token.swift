/// A lexical token. Offsets are bytes into the file; line/column are computed only when
/// something is reported, so a 5 MB line costs one pass, not one pass per token.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Identifier or bare value: `welcome`, `record-from-answer`, `Polly.Joanna`, `ww123`.
        case word
        /// `"…"`; `text` holds the decoded contents.
        case string
        case integer
        /// `500ms`, `5s`, `2m`; `number` holds milliseconds.
        case duration
        /// `+1-800-555-0157`; `text` holds the digits with `+`, dashes removed.
        case phone
        /// `sip:user@host`.
        case sipURI
        /// `https://…`, `wss://…`.
        case url
        case arrow
        case equals
        case newline
        case indent
        case dedent
        case end
    }

    public let kind: Kind
    /// Decoded text (string contents, normalised phone, the word itself).
    public let text: String
    /// Integer value or milliseconds for durations.
    public let number: Int
    public let range: SourceRange

    public init(_ kind: Kind, _ text: String = "", number: Int = 0, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.number = number
        self.range = range
    }
}

/// A byte range in one file; resolved to lines and columns by `SourceFile`.
public struct SourceRange: Sendable, Hashable {
    public let start: Int
    public let end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
}

/// A `#` comment, kept for waivers and the formatter.
public struct Comment: Sendable, Hashable {
    /// The text after `#`, trimmed.
    public let text: String
    public let range: SourceRange
    /// True when the comment is alone on its line (not after a statement).
    public let ownLine: Bool
}
