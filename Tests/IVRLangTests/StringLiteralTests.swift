import IVRLang
import Testing

/// Strings are re-quoted with the fewest escapes that read back to the same text.
@Suite struct StringLiteralTests {
    /// The literal as the lexer reads it, written back by `StringLiteral`.
    static func requoted(_ literal: String) -> String {
        let tokens = Lexer.tokenize(SourceFile(path: "t.ivr", text: "say \(literal)\n")).tokens
        return StringLiteral.quote(tokens[1].text)
    }

    @Test(arguments: [
        (#""\u{48}i""#, #""Hi""#),
        (#""a\u{22}b""#, #""a\"b""#),
        (#""tab\u{9}here""#, #""tab\there""#),
        (#""line\u{A}break""#, #""line\nbreak""#),
        (#""bell\u{7}""#, #""bell\u{7}""#),
        (#""del\u{7f}""#, #""del\u{7F}""#),
        (#""smile \u{1F600}""#, "\"smile \u{1F600}\""),
        (#""back\\slash""#, #""back\\slash""#),
    ])
    func canonicalEscapes(_ written: String, _ expected: String) {
        #expect(Self.requoted(written) == expected)
    }

    @Test func widthCountsEscapes() {
        #expect(StringLiteral.quotedWidth("a\"b") == 6)
        #expect(StringLiteral.width("\u{7}") == 5)
        #expect(StringLiteral.width("😀") == 1)
    }
}
