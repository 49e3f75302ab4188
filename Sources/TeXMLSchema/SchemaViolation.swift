/// One reason a document is not valid TeXML.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the offending element (0 when libxml2 gives none).
    public var line: Int
    /// The offending element's name, when the problem is tied to one.
    public var element: String?
    public var message: String

    public init(line: Int, element: String?, message: String) {
        self.line = line
        self.element = element
        self.message = message
    }

    public var description: String {
        "line \(line): " + (element.map { "<\($0)>: " } ?? "") + message
    }
}
