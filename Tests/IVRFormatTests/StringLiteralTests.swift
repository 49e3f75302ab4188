import IVRFormat
import IVRLang
import Testing

/// Strings are re-quoted with the fewest escapes that read back to the same text.
@Suite struct StringLiteralTests {
    static func formattedSay(_ literal: String) throws -> String {
        let formatted = try Fixtures.format("flow f\n  number +1-800-596-3057\n  step main\n    say \(literal)\n")
        return String(formatted.split(separator: "\n")[3].dropFirst("    say ".count))
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
    func canonicalEscapes(_ written: String, _ expected: String) throws {
        #expect(try Self.formattedSay(written) == expected)
    }
}
