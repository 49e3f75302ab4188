import IVRLang

/// How a value is written back. Strings are re-quoted canonically (see `StringLiteral`);
/// every other value is kept exactly as written: phone numbers keep the dashes people
/// group them with (the compiler normalises them to E.164 either way), durations keep
/// their unit (`90s` is not rewritten as `1m30s`-style), words and URLs keep their case.
enum ValueSpelling {
    static func spell(_ source: SourceFile) -> (Value) -> String {
        { value in
            if case .string(let text) = value.kind { return StringLiteral.quote(text) }
            return String(decoding: source.bytes[value.range.start..<value.range.end], as: UTF8.self)
        }
    }
}
