extension Value {
    /// `text` read as the lexer reads a value where one is written (a phone number, a URL, a
    /// duration, a word…); nil unless it is exactly one value. Substituted `env.`/`param.`
    /// values are read this way, so they are checked as if they had been written there.
    public static func reading(_ text: String) -> Kind? {
        let tokens = Lexer.tokenize(SourceFile(path: "", text: text)).tokens
            .filter { ![.newline, .end, .indent, .dedent].contains($0.kind) }
        guard tokens.count == 1 else { return nil }
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

    /// "URL" or "SIP target", for messages about an address.
    public var addressNoun: String {
        if case .sipURI = kind { "SIP target" } else { "URL" }
    }
}
