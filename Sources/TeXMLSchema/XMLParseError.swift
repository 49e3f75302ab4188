/// One problem libxml2 reported while reading a document.
public struct XMLParseIssue: Sendable, Equatable {
    public var line: Int
    public var message: String
}

/// Why the safe parser refused a document.
public enum XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Refused before parsing: the input is larger than the configured limit.
    case tooLarge(byteCount: Int, limit: Int)
    /// A DOCTYPE (internal subset or external DTD) was found; parsing stopped there, nothing was loaded.
    case doctypeForbidden(line: Int)
    /// Elements nest deeper than the configured limit; parsing stopped there.
    case tooDeep(line: Int, limit: Int)
    /// The document is not UTF-8: it declares another encoding, or starts like UTF-16, UTF-32
    /// or EBCDIC. TeXML is UTF-8, and honouring other encodings lets markup hide from
    /// byte-level filters (UTF-7's `+ADw-` is `<`).
    case notUTF8(encoding: String)
    /// The document is not well-formed XML.
    case malformed([XMLParseIssue])

    public var description: String {
        switch self {
        case .tooLarge(let count, let limit):
            return "document is \(count) bytes, larger than the \(limit)-byte limit; not parsed"
        case .doctypeForbidden(let line):
            return "line \(line): DOCTYPE declarations are not allowed (they can load external files or expand entities); nothing was read"
        case .tooDeep(let line, let limit):
            return "line \(line): elements nest deeper than the limit of \(limit)"
        case .notUTF8(let encoding):
            return "line 1: the document is in \(encoding), not UTF-8; TeXML documents are UTF-8, re-save it as UTF-8"
        case .malformed(let issues):
            return issues.map { "line \($0.line): \($0.message)" }.joined(separator: "\n")
        }
    }

    /// The line the problem was found on (0 when not tied to a line).
    public var line: Int {
        switch self {
        case .tooLarge: 0
        case .notUTF8: 1
        case .doctypeForbidden(let line), .tooDeep(let line, _): line
        case .malformed(let issues): issues.first?.line ?? 0
        }
    }
}
