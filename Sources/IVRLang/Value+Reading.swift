extension Value {
    /// `text` read as the lexer reads a value where one is written (a phone number, a URL, a
    /// duration, a word…); nil unless it is exactly one value, read without an error.
    /// Substituted `env.`/`param.` values are read this way, so they are checked as if they had
    /// been written there.
    public static func reading(_ text: String) -> Kind? {
        let lexed = Lexer.tokenize(SourceFile(path: "", text: text))
        let tokens = lexed.tokens.filter { ![.newline, .end, .indent, .dedent].contains($0.kind) }
        // What the lexer would report where it is written (a SIP target with two `@`s) is no value.
        guard tokens.count == 1, lexed.diagnostics.isEmpty else { return nil }
        return Value(tokens[0])?.kind
    }

    /// The text of a URL or SIP target that holds a `{{…}}`, which a deployer's value may fill.
    public var addressWithPlaceholder: String? {
        switch kind {
        case .url(let text), .sipURI(let text): text.contains("{{") ? text : nil
        default: nil
        }
    }

    /// A URL or SIP target with its placeholders filled, read again as the lexer would read
    /// the result written there; nil when it is no longer one value of the same kind (a value
    /// with a space or a quote in it, a URL turned into something else).
    public func filledAddress(_ filled: String) -> Value? {
        switch (kind, Value.reading(filled)) {
        case (.url, .url(let text)?): Value(.url(text), range)
        case (.sipURI, .sipURI(let text)?): Value(.sipURI(text), range)
        default: nil
        }
    }

    /// What a value filling a URL or SIP target must be, for the error when it is not.
    public static let filledAddressHelp =
        "a value inside a URL or SIP target must read as part of it: no spaces, quotes or `->`, and in a SIP target no second `@`"

    /// "URL" or "SIP target", for messages about an address.
    public var addressNoun: String {
        if case .sipURI = kind { "SIP target" } else { "URL" }
    }
}
