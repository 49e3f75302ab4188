/// One line of formatted output before comments and blank lines are laid around it,
/// remembering where it came from so comments can find their place.
struct LayoutLine {
    var text: String
    /// Indentation level (two spaces each).
    var depth: Int
    /// Byte offset, 1-based line and 0-based column of the token the line was made from.
    var offset: Int
    var sourceLine: Int
    var column: Int
    /// The canonical layout wants a blank line before this one (a step, a test, a flow).
    var blankBefore: Bool
    var trailingComment: String?
    /// Own-line comments written above this line, in order.
    var leadingComments: [CommentLine] = []
    /// The writer left a blank line between the comments above and this line.
    var blankAfterLeading = false
    /// Comments that closed the block ending at this line, in order.
    var closingComments: [CommentLine] = []
}

/// An own-line comment as it will be written.
struct CommentLine {
    /// From `#` to the end of the line, trailing spaces removed.
    let text: String
    let depth: Int
    /// The writer left a blank line above it.
    let blankBefore: Bool
}
