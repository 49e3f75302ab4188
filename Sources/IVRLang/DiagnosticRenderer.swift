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
        let (scalars, skipped, toLineEnd) = Self.scalars(of: source, line: line, around: span.start.offset)
        // Counted in scalars of the whole line; past the decoded part the line is long enough
        // for the window below never to reach its end.
        let lineLength = toLineEnd ? skipped + scalars.count : Int.max / 2
        let startColumn = span.start.column - 1
        let endColumn = span.end.line == line ? max(span.end.column - 1, startColumn + 1) : lineLength
        // Window the line so the caret stays visible on very long lines.
        let windowStart = max(0, min(startColumn - 40, lineLength - Self.maxQuoted))
        let windowEnd = min(lineLength, windowStart + Self.maxQuoted)
        let low = min(max(0, windowStart - skipped), scalars.count)
        let quoted = scalars[low..<min(max(low, windowEnd - skipped), scalars.count)]
        let shown = String(String.UnicodeScalarView(quoted.map(Self.visible)))
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

    /// The scalars of `line` around byte `offset`, as many on each side as a snippet can show:
    /// only they are decoded, so a diagnostic on a megabyte-long line costs what one on a short
    /// line does. Also how many scalars of the line come before them, and whether they reach its end.
    private static func scalars(of source: SourceFile, line: Int, around offset: Int)
        -> (scalars: [Unicode.Scalar], skipped: Int, toLineEnd: Bool) {
        let range = source.lineRange(line)
        let reach = 4 * (maxQuoted + 40)  // a scalar is at most 4 bytes
        var start = max(range.lowerBound, min(offset, range.upperBound) - reach)
        while start > range.lowerBound, source.bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var end = min(range.upperBound, max(offset, range.lowerBound) + reach)
        while end < range.upperBound, source.bytes[end] & 0xC0 == 0x80 { end += 1 }
        let scalars = Array(String(decoding: source.bytes[start..<end], as: UTF8.self).unicodeScalars)
        return (scalars, source.position(of: start).column - 1, end == range.upperBound)
    }

    private func bold(_ text: String) -> String {
        colored ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
    }
}
