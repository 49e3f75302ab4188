import IVRLang

/// Puts every comment back next to the line it was written with:
/// - a comment after code stays at the end of that line;
/// - an own-line comment goes above the next line, with that line's indentation;
/// - an own-line comment indented deeper than the next line, where a block ends before
///   that line, closes the block: it stays below the block's last line, at the depth of
///   the innermost enclosing line whose indentation it does not exceed.
/// The writer's blank lines are kept between comments and between comments and the code
/// they describe; every other blank line is the canonical layout's.
struct CommentPlacer {
    private let source: SourceFile
    /// Comments in a file without any code.
    private(set) var orphans: [CommentLine] = []

    init(_ source: SourceFile) {
        self.source = source
    }

    mutating func place(_ comments: [Comment], into lines: inout [LayoutLine]) {
        var next = 0
        var onLine = 0
        /// The line whose leading group the previous comment joined; later comments in the
        /// same gap must join it too, or they would swap places.
        var leadingGap: Int?
        for comment in comments.sorted(by: { $0.range.start < $1.range.start }) {
            let text = Self.text(of: comment, in: source)
            let commentLine = source.line(of: comment.range.start)
            while next < lines.count && lines[next].offset < comment.range.start { next += 1 }
            // The last line made from the comment's line (lines and comments are both in source order).
            while onLine + 1 < lines.count && lines[onLine + 1].sourceLine <= commentLine { onLine += 1 }
            if !comment.ownLine, onLine < lines.count, lines[onLine].sourceLine <= commentLine,
               lines[onLine].trailingComment == nil {
                lines[onLine].trailingComment = text
                continue
            }
            let column = source.position(of: comment.range.start).column - 1
            let blankAbove = isBlank(commentLine - 1)
            let previous = next - 1
            guard previous >= 0 || next < lines.count else {
                orphans.append(CommentLine(text: text, depth: 0, blankBefore: blankAbove && !orphans.isEmpty))
                continue
            }
            let nextColumn = next < lines.count ? lines[next].column : -1
            let closesBlock = previous >= 0 && leadingGap != next
                && (next == lines.count || (nextColumn < lines[previous].column && column > nextColumn))
            if closesBlock {
                let depth = Self.closingDepth(column: column, nextColumn: nextColumn, before: previous, in: lines)
                lines[previous].closingComments.append(CommentLine(text: text, depth: depth, blankBefore: blankAbove))
            } else {
                let isFirst = lines[next].leadingComments.isEmpty
                lines[next].leadingComments.append(
                    CommentLine(text: text, depth: lines[next].depth, blankBefore: blankAbove && !isFirst))
                lines[next].blankAfterLeading = isBlank(lines[next].sourceLine - 1)
                leadingGap = next
            }
        }
    }

    /// Scanning back through the closed block, the depth of the first line indented no
    /// deeper than the comment; the block's outermost line when the comment is shallower.
    private static func closingDepth(column: Int, nextColumn: Int, before index: Int, in lines: [LayoutLine]) -> Int {
        var shallowest = lines[index]
        var scan = index
        while scan >= 0 && lines[scan].column > nextColumn {
            if lines[scan].column <= column { return lines[scan].depth }
            if lines[scan].column < shallowest.column { shallowest = lines[scan] }
            scan -= 1
        }
        return shallowest.depth
    }

    private func isBlank(_ line: Int) -> Bool {
        line >= 1 && source.lineText(line).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The comment from `#`, as written, without trailing spaces.
    static func text(of comment: Comment, in source: SourceFile) -> String {
        var end = comment.range.end
        // A lone CR before the end is trailing space too: written back before a line feed it
        // would become a CRLF line ending, and the comment would lose it.
        while end > comment.range.start, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(source.bytes[end - 1]) {
            end -= 1
        }
        return String(decoding: source.bytes[comment.range.start..<end], as: UTF8.self)
    }
}
