/// Writes laid-out lines as text: two spaces per level, blank lines where asked but never
/// two in a row nor at the start or end, comments around their lines, LF line endings.
struct LayoutRenderer {
    private var output: [String] = []

    static func render(_ lines: [LayoutLine], orphans: [CommentLine]) -> String {
        var renderer = LayoutRenderer()
        for comment in orphans { renderer.write(comment) }
        for line in lines { renderer.write(line) }
        return renderer.output.isEmpty ? "" : renderer.output.joined(separator: "\n") + "\n"
    }

    private mutating func write(_ line: LayoutLine) {
        if line.blankBefore { blank() }
        for comment in line.leadingComments { write(comment) }
        if line.blankAfterLeading && !line.leadingComments.isEmpty { blank() }
        let trailing = line.trailingComment.map { "  " + $0 } ?? ""
        output.append(Self.indent(line.depth) + line.text + trailing)
        for comment in line.closingComments { write(comment) }
    }

    private mutating func write(_ comment: CommentLine) {
        if comment.blankBefore { blank() }
        output.append(Self.indent(comment.depth) + comment.text)
    }

    private mutating func blank() {
        if let last = output.last, !last.isEmpty { output.append("") }
    }

    private static func indent(_ depth: Int) -> String {
        String(repeating: " ", count: 2 * depth)
    }
}
