import IVRLanguageServerProtocol

/// `textDocument/foldingRange`: every line followed by more deeply indented lines folds them
/// (blank lines inside a block belong to it; trailing ones do not).
enum FoldingRanges {
    static func respond(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(TextDocumentParams.self)
        let document = try session.document(params.textDocument.uri)
        return ranges(indentations: (1...document.source.lineStarts.count).map { line in
            // A line's range may end with its line break: a line of spaces and a break is blank.
            let bytes = document.source.bytes[document.source.lineRange(line)].filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
            let indentation = bytes.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            return indentation == bytes.count ? nil : indentation
        })
    }

    /// `indentations[i]` is line i's indentation, nil for a blank line.
    static func ranges(indentations: [Int?]) -> [FoldingRange] {
        var ranges: [FoldingRange] = []
        // Open blocks: (first line, indentation of the line that opened them).
        var open: [(line: Int, indentation: Int)] = []
        var lastNonBlank = -1
        for (line, indentation) in indentations.enumerated() {
            guard let indentation else { continue }
            while let top = open.last, indentation <= top.indentation {
                open.removeLast()
                if lastNonBlank > top.line { ranges.append(FoldingRange(startLine: top.line, endLine: lastNonBlank)) }
            }
            open.append((line, indentation))
            lastNonBlank = line
        }
        for top in open.reversed() where lastNonBlank > top.line {
            ranges.append(FoldingRange(startLine: top.line, endLine: lastNonBlank))
        }
        return ranges.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
    }
}
