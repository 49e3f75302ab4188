import IVRLang
import IVRLanguageServerProtocol

/// Byte offsets and spans (ivrc) ↔ zero-based line/character in the negotiated encoding (LSP).
/// ivrc counts columns in Unicode scalars; editors count UTF-16 units by default, so every
/// position crosses here, computed from the line's text, never from ivrc's column.
struct PositionConverter {
    let source: SourceFile
    let encoding: PositionEncodingKind
    /// The client's text starts with a byte-order mark that `SourceFile` dropped: one character
    /// (three UTF-8 units) the client sees at the start of the first line.
    let hasByteOrderMark: Bool

    init(_ source: SourceFile, encoding: PositionEncodingKind, hasByteOrderMark: Bool = false) {
        self.source = source
        self.encoding = encoding
        self.hasByteOrderMark = hasByteOrderMark
    }

    func position(ofOffset offset: Int) -> Position {
        let clamped = max(0, min(offset, source.bytes.count))
        let line = source.line(of: clamped)
        let start = source.lineStarts[line - 1]
        let character = units(source.bytes[start..<clamped]) + (line == 1 ? byteOrderMarkUnits : 0)
        return Position(line: line - 1, character: character)
    }

    func range(of span: SourceSpan) -> Range {
        Range(start: position(ofOffset: span.start.offset), end: position(ofOffset: span.end.offset))
    }

    func range(of range: SourceRange) -> Range {
        Range(start: position(ofOffset: range.start), end: position(ofOffset: range.end))
    }

    /// The byte offset of a client position; past the end of a line is its end, past the last
    /// line is the end of the file (the spec asks servers to clamp, not to fail).
    func offset(of position: Position) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < source.lineStarts.count else { return source.bytes.count }
        let line = source.lineRange(position.line + 1)
        var remaining = position.character - (position.line == 0 ? byteOrderMarkUnits : 0)
        var offset = line.lowerBound
        while remaining > 0 && offset < line.upperBound {
            let length = Self.scalarLength(source.bytes[offset])
            let scalarEnd = min(offset + length, line.upperBound)
            remaining -= units(source.bytes[offset..<scalarEnd])
            offset = scalarEnd
        }
        return offset
    }

    private var byteOrderMarkUnits: Int {
        guard hasByteOrderMark else { return 0 }
        return encoding == .utf8 ? 3 : 1
    }

    private func units(_ bytes: ArraySlice<UInt8>) -> Int {
        switch encoding {
        case .utf8:
            return bytes.count
        case .utf32:
            return bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        case .utf16:
            // Scalars above U+FFFF (4-byte UTF-8 sequences) take two UTF-16 units.
            return bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : ($1 >= 0xF0 ? 2 : 1)) }
        }
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
