import IVRLang
import IVRLanguageServerProtocol

/// The line around a request's position: what is written before the cursor and the word under it.
struct CursorContext {
    let document: Document
    let offset: Int
    /// The line's bytes before the cursor, as text.
    let before: String
    /// The name-like word (letters, digits, `_ - . +`) around the cursor and its bytes.
    let word: String
    let wordRange: SourceRange

    init(_ document: Document, _ position: Position) {
        self.document = document
        offset = document.offset(of: position)
        let bytes = document.source.bytes
        let line = document.source.lineRange(document.source.line(of: offset))
        before = String(decoding: bytes[line.lowerBound..<max(line.lowerBound, offset)], as: UTF8.self)
        var start = offset, end = offset
        while start > line.lowerBound && Self.isWordByte(bytes[start - 1]) { start -= 1 }
        while end < line.upperBound && Self.isWordByte(bytes[end]) { end += 1 }
        wordRange = SourceRange(start, end)
        word = String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// What is typed of the current token up to the cursor, `=` included (`play-beep=`).
    var token: String { String(before.reversed().prefix { !$0.isWhitespace }.reversed()) }

    /// Spaces before the first word of the line.
    var indentation: Int { before.prefix { $0 == " " }.count }

    /// The words written before the cursor on this line (the one being typed excluded).
    var wordsBefore: [Substring] {
        let typed = before.reversed().prefix { !$0.isWhitespace }.count
        return before.dropLast(typed).split(whereSeparator: \.isWhitespace)
    }

    /// The rule ids after `# ivrc: allow` on this line, if the cursor is in a waiver.
    var isInWaiver: Bool {
        before.range(of: "# ivrc: allow") != nil && before.range(of: "--") == nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "+"):
            true
        default:
            false
        }
    }
}
