import IVRLang

/// libxml2 gives only a line per element; these find the column by looking for the tag or
/// the attribute on that line, so carets land on what the diagnostic is about.
extension SourceFile {
    /// The whole of a 1-based line (column 1 when the line is unknown or empty).
    func lineSpan(_ line: Int) -> SourceSpan {
        guard line >= 1, line <= lineStarts.count else { return span(0, 0) }
        let start = lineStarts[line - 1]
        let text = Array(lineText(line).utf8)
        let indent = text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        return span(start + indent, start + max(indent, text.count))
    }

    /// The `<name` of an element whose start tag is on `line`.
    func span(ofElement name: String, line: Int) -> SourceSpan {
        find("<" + name, on: line).map { span($0, $0 + name.utf8.count + 1) } ?? lineSpan(line)
    }

    /// `name="…"` of an attribute of the element on `line`, or the element when not found.
    func span(ofAttribute attribute: String, element: String, line: Int) -> SourceSpan {
        guard let start = find(attribute + "=", on: line) else { return span(ofElement: element, line: line) }
        let bytes = self.bytes
        var end = start + attribute.utf8.count + 1
        if end < bytes.count, let quote = [UInt8(ascii: "\""), UInt8(ascii: "'")].first(where: { $0 == bytes[end] }) {
            end += 1
            while end < bytes.count, bytes[end] != quote, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            end = min(bytes.count, end + 1)
        }
        return span(start, end)
    }

    /// Byte offset of the first `needle` on `line` that starts a name (not inside a longer one).
    private func find(_ needle: String, on line: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        let pattern = Array(needle.utf8)
        guard end - start >= pattern.count else { return nil }
        var offset = start
        while offset + pattern.count <= end {
            if bytes[offset..<offset + pattern.count].elementsEqual(pattern) {
                let before = offset > start ? bytes[offset - 1] : UInt8(ascii: " ")
                let startsName = pattern.first == UInt8(ascii: "<") || !Self.isNameByte(before)
                if startsName { return offset }
            }
            offset += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
