/// What the lexer and parser report: the ids of lines that are not the language.
extension DiagnosticID {
    public static let syntax = DiagnosticID(
        "syntax",
        summary: "The line does not follow the .ivr grammar.",
        explanation: """
            A line could not be read as part of a flow: a statement without a keyword, an option \
            written without `name=value`, a step or branch that does not say where to go. The \
            message names what was expected; the rest of the file is still checked.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 ↓->
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> voicemail

              step voicemail
                say "Nobody is free."
                hangup
            """,
        ])

    public static let indentation = DiagnosticID(
        "indentation",
        summary: "Indentation uses a tab or does not return to an enclosing level.",
        explanation: """
            Blocks are made with spaces. A tab in indentation is refused because editors disagree \
            on its width, and a line that dedents must line up with a block it closes.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say "Thanks for calling."
            ↓   dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say "Thanks for calling."
                dial +1-555-010-0200
            """,
        ])

    public static let nestingTooDeep = DiagnosticID(
        "nesting-too-deep",
        summary: "Blocks are nested deeper than ivrc accepts.",
        explanation: """
            Menus inside branches inside menus can nest, but not without limit: a flow this deep \
            is unreadable for callers and designers alike. Move inner blocks into named steps and \
            reach them with `-> STEP`.
            """,
        // 65 lines, each a block one space deeper than the line above: the last is one too many.
        reported: [nestedBlocks(Lexer.maxNestingDepth + 1)],
        // The fix: inner blocks moved into named steps.
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                menu
                  say "For sales, press 1."
                  on 1 -> sales

              step sales
                dial +1-555-010-0200
            """,
        ])

    public static let unterminatedString = DiagnosticID(
        "unterminated-string",
        summary: "A string is not closed before the end of its line.",
        explanation: """
            Every `"` that opens a string needs a closing `"` on the same line. Long text can \
            continue on indented string-only lines below the statement.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say ↓"Thanks for calling.
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say "Thanks for calling."
                dial +1-555-010-0200
            """,
        ])

    public static let invalidPlaceholder = DiagnosticID(
        "invalid-placeholder",
        summary: "Something between `{{` and `}}` is not a placeholder.",
        explanation: """
            A placeholder is `{{name}}`: ASCII letters, digits, `_` and `-`, starting with a letter \
            or `_`, with `.` between parts (`{{Digits}}`, `{{member_id}}`, `{{env.KEY}}`, \
            `{{param.NAME}}`); spaces inside the braces are allowed. Every `{{` in text, a URL, a \
            SIP URI or a dial target opens one and the first `}}` after it closes it, so \
            Mustache sections and comments (`{{#x}}`, `{{/x}}`, `{{!x}}`), triple braces, a name \
            starting with a digit, an empty `{{}}` and a `{{` never closed are refused: a call \
            would speak or dial them as written. There is no escape for a literal `{{`: write \
            `{ {` in text, `%7B%7B` in a URL. A lone `{` or `}}` is literal.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say "Hello ↓{{#caller}}, thanks for calling."
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say "Hello {{From}}, thanks for calling."
                dial +1-555-010-0200
            """,
        ])

    public static let placeholderInHost = DiagnosticID(
        "placeholder-in-host",
        summary: "A placeholder stands in a URL's scheme or host.",
        explanation: """
            A value fills a URL when the call reaches it. In the scheme or host (`https://{{x}}.example.com`, \
            `https://api.example.com{{x}}`) it would choose the server an `http-request`, its headers and \
            body, or a fetched document goes to: a caller saying ".evil.example" would send them to \
            their own domain. Write the scheme and host; a value may fill the path or the query, \
            where it is percent-encoded as one component.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather region -> fetch
                  say "Which region?"
                  on timeout -> start

              step fetch
                redirect https://↓{{region}}.example.com/menu.xml
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                gather region -> fetch
                  say "Which region?"
                  on timeout -> start

              step fetch
                redirect https://example.com/{{region}}/menu.xml
            """,
        ])

    public static let encoding = DiagnosticID(
        "encoding",
        summary: "The file is not valid UTF-8.",
        explanation: """
            .ivr files are UTF-8 (a byte-order mark is accepted). Re-save the file as UTF-8; the \
            message points at the first byte that is not.
            """,
        noExample: """
            its input is bytes that are not UTF-8, which an example written as text cannot hold \
            (LexerTests and HostileInputFileCLITests feed such bytes)
            """)

    public static let emptyFlow = DiagnosticID(
        "empty-flow",
        summary: "A flow has no steps.",
        explanation: """
            A flow needs at least one step: the first step is where every call starts.
            """,
        reported: [
            """
            flow ↓front_desk
              number +1-800-555-0157
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200
            """,
        ])

    public static let duplicateSetting = DiagnosticID(
        "duplicate-setting",
        summary: "A flow setting is given twice.",
        explanation: """
            Each setting (`number`, `industry`, `voice`, `language`, `languages`, `base-url`, \
            `daily-call-target`, …) may appear once per flow; with two, it is unclear which one the flow uses.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157
              ↓number +1-800-596-3058

              step start
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200
            """,
        ])

    /// A flow whose lines nest `depth` blocks, each one space deeper than the line above, the
    /// deepest marked when it is one deeper than the lexer accepts.
    private static func nestedBlocks(_ depth: Int) -> DiagnosticExample {
        let lines = (1...depth).map { level in
            String(repeating: " ", count: level) + (level > Lexer.maxNestingDepth ? "↓" : "") + "say \"\(level)\""
        }
        return DiagnosticExample((["flow front_desk"] + lines).joined(separator: "\n") + "\n")
    }
}
