extension SourceFile {
    /// The lines indented more deeply than `line` right under it (blank lines inside count,
    /// trailing ones do not): the last of them and the leading whitespace of the first; nil
    /// when none are.
    public func block(under line: Int) -> (lastLine: Int, indentation: String)? {
        let own = indentation(of: line)
        var last: Int?, first: String?
        for next in stride(from: line + 1, through: lineStarts.count, by: 1) {
            let text = lineText(next)
            guard !text.allSatisfy(\.isWhitespace) else { continue }
            let indentation = indentation(of: next)
            guard indentation.count > own.count else { break }
            first = first ?? indentation
            last = next
        }
        guard let last, let first else { return nil }
        return (last, first)
    }

    /// The spaces and tabs that start a 1-based line.
    public func indentation(of line: Int) -> String {
        String(lineText(line).prefix { $0 == " " || $0 == "\t" })
    }
}
