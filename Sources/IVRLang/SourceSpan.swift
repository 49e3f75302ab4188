/// A point in a source file: 1-based line and column, plus the byte offset.
public struct SourcePosition: Sendable, Hashable, Comparable, Codable {
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }
}

/// The stretch of source a node or a diagnostic is about.
public struct SourceSpan: Sendable, Hashable, Codable {
    public let file: String
    public let start: SourcePosition
    public let end: SourcePosition

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

}
