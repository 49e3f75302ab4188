import IVRLang

/// `ivrc fmt`: rewrites a parsed file in the canonical layout.
///
/// - Two spaces per level. One blank line between flows, before every step and test, and
///   before a setting that follows a step; none elsewhere except around comments, where
///   the writer's blank lines are kept (collapsed to one).
/// - Members of a flow (settings, steps, tests) and statements stay in the order written.
/// - A statement is written `KEYWORD ARGUMENTS… OPTIONS… -> STEP`: arguments in the order
///   written (the parser does not tell positional values from bare flags such as `beep`,
///   so flags stay among them), then `name=value` options sorted by name, the arrow last.
/// - Strings are re-quoted with the fewest escapes (`StringLiteral`); phone numbers,
///   durations, words and URLs are kept exactly as written (`ValueSpelling`).
/// - A final string argument keeps the lines it was written on (`say` + indented quoted
///   lines, or text on the statement's line); a line longer than `lineWidth` columns is
///   split at single spaces into continued lines (`PromptWrapper`), which the parser joins
///   back with one space, so the compiled `<Say>` text is unchanged. Test descriptions and
///   statements with a block are not wrapped: added text lines would read as their body.
/// - Comments stay where they were (`CommentPlacer`); their text is kept as written.
/// - Output uses LF line endings, no byte-order mark, and ends with one newline.
///
/// Formatting never changes what a file means: `format` re-parses its output and refuses
/// (returns `.unsafe`) if the tree or the comments differ.
public enum SourceFormatter {
    /// Lines longer than this are wrapped where text allows.
    public static let lineWidth = 100

    public enum Outcome: Sendable {
        case formatted(String)
        /// The file has syntax errors; it is not formatted.
        case invalid([Diagnostic])
        /// The formatter would have changed the file's meaning (a formatter bug); the
        /// message says what differed.
        case unsafe(String)
    }

    public static func format(_ source: SourceFile) -> Outcome {
        let parsed = Parser.parse(source)
        guard parsed.diagnostics.isEmpty else { return .invalid(parsed.diagnostics) }
        let text = layout(parsed)
        let reparsed = Parser.parse(SourceFile(path: source.path, text: text))
        if !reparsed.diagnostics.isEmpty {
            return .unsafe("the formatted text does not parse: \(reparsed.diagnostics[0].message)")
        }
        if SyntaxFingerprint.of(reparsed) != SyntaxFingerprint.of(parsed) {
            return .unsafe("the formatted text parses to a different tree")
        }
        let comments = { (file: ParsedFile) in file.comments.map { CommentPlacer.text(of: $0, in: file.source) } }
        if comments(reparsed) != comments(parsed) {
            return .unsafe("the formatted text does not keep every comment in order")
        }
        return .formatted(text)
    }

    /// The canonical text of a file that parsed without errors.
    public static func layout(_ file: ParsedFile) -> String {
        var builder = LayoutBuilder(file)
        var lines = builder.build(file)
        var placer = CommentPlacer(file.source)
        placer.place(file.comments, into: &lines)
        return LayoutRenderer.render(lines, orphans: placer.orphans)
    }
}
