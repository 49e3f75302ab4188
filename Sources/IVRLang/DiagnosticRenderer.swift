/// Renders diagnostics for people: `file:line:col: severity[id]: message`, the source
/// line with carets under the span, then `help:` and notes. The one place text output is made.
public struct DiagnosticRenderer: Sendable {
    /// Sources by path, for quoting lines. A diagnostic whose file is missing prints without a snippet.
    public var sources: [String: SourceFile]
    /// ANSI colours; the CLI turns them on only for a TTY without `NO_COLOR`.
    public var colored: Bool

    public init(sources: [SourceFile], colored: Bool = false) {
        var byPath: [String: SourceFile] = [:]
        for source in sources { byPath[source.path] = source }
        self.sources = byPath
        self.colored = colored
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let span = diagnostic.span
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.id)]"
        var out = "\(bold("\(span.file):\(span.start.line):\(span.start.column):")) "
        out += paint(label, diagnostic.severity == .error ? "31" : "33")
        out += bold(": \(diagnostic.message)") + "\n"
        out += snippet(span)
        if let help = diagnostic.help {
            out += "  " + paint("help:", "36") + " \(help)\n"
        }
        for note in diagnostic.notes {
            let where_ = "\(note.span.file):\(note.span.start.line):\(note.span.start.column)"
            out += "  " + paint("note:", "36") + " \(note.message) (\(where_))\n"
            out += snippet(note.span)
        }
        return out
    }

    /// Longest line quoted; longer lines are cut around the span so a 5 MB line stays readable.
    private static let maxQuoted = 160

    private func snippet(_ span: SourceSpan) -> String {
        guard let source = sources[span.file] else { return "" }
        let line = span.start.line
        let scalars = Array(source.lineText(line).unicodeScalars)
        let startColumn = span.start.column - 1
        let endColumn = span.end.line == line ? max(span.end.column - 1, startColumn + 1) : scalars.count
        // Window the line so the caret stays visible on very long lines.
        let windowStart = max(0, min(startColumn - 40, scalars.count - Self.maxQuoted))
        let windowEnd = min(scalars.count, windowStart + Self.maxQuoted)
        var shown = String(String.UnicodeScalarView(scalars[windowStart..<max(windowStart, windowEnd)]))
        shown = String(String.UnicodeScalarView(shown.unicodeScalars.map(Self.visible)))
        let caretStart = max(0, startColumn - windowStart)
        let caretCount = max(1, min(endColumn, windowEnd) - startColumn)
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        var out = " \(pad) |\n"
        out += " \(gutter) | \(shown)\n"
        out += " \(pad) | " + String(repeating: " ", count: caretStart)
        out += paint(String(repeating: "^", count: caretCount), "31") + "\n"
        return out
    }

    /// A control character (a tab above all) as its Unicode control picture (`␉`), one
    /// column wide, so the caret under it points at something the reader can see.
    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? scalar
        case 0x7F: "\u{2421}"
        default: scalar
        }
    }

    private func bold(_ text: String) -> String {
        colored ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
    }
}
