/// How text is written as an `.ivr` string literal (by the formatter, the importer and the AST
/// dump): the fewest escapes that the lexer reads back to the same text. `\"`, `\\`, `\n` and `\t` are used where they apply, `\u{…}` only for
/// other control characters (C0, DEL, C1), which would otherwise be invisible; everything
/// else, emoji included, is written as itself.
public enum StringLiteral {
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars { out += escaped(scalar) }
        return out + "\""
    }

    /// Columns `character` takes once escaped, so wrapping can measure without re-quoting.
    public static func width(_ character: Character) -> Int {
        let escapes = character.unicodeScalars.map(escaped)
        return escapes.contains { $0.count > 1 } ? escapes.reduce(0) { $0 + $1.count } : 1
    }

    /// Columns `text` takes written in quotes.
    public static func quotedWidth(_ text: String) -> Int {
        text.reduce(2) { $0 + width($1) }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": "\\\""
        case "\\": "\\\\"
        case "\n": "\\n"
        case "\t": "\\t"
        case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
            "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: String(scalar)
        }
    }
}
