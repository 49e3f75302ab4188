/// The one grammar of `{{…}}` in text, shared by the checker (which names a placeholder may
/// use), the filler (what a call puts in its place), `env.`/`param.` substitution, dial
/// targets and the importer, so what the checker proves is what the runtime fills.
///
/// Grammar (over UTF-8 bytes; offsets are UTF-8 offsets, as `SourceRange`'s):
///
///     placeholder = "{{" spaces name spaces "}}"
///     name        = part *("." part)                    ; Digits, member_id, env.KEY, param.NAME
///     part        = (letter / "_") *(letter / digit / "_" / "-")
///     letter      = ASCII A-Z / a-z ; digit = ASCII 0-9 ; spaces = *" "
///
/// - Every `{{` opens a piece that ends at the first `}}` after it. If what lies between is
///   not `spaces name spaces`, the whole piece is *malformed*: Mustache sections and comments
///   (`{{#x}}`, `{{/x}}`, `{{!c}}`), triple braces (`{{{x}}}`, whose last `}` is literal),
///   `{{9x}}`, `{{}}`, `{{ a b }}`, non-ASCII letters. A `{{` with no `}}` after it is
///   malformed up to the end of the text.
/// - A lone `{`, `}` or `}}` is literal. Names are case-sensitive.
/// - There is no escape: text never holds a literal `{{` (write `{ {`; in a URL, `%7B%7B`).
///   The filler leaves a malformed piece as written; the front end reports it
///   (`invalid-placeholder`).
public enum Placeholder {
    /// A run of a text, with its UTF-8 offsets from the start of the text scanned.
    public enum Piece: Sendable, Equatable {
        case literal(Range<Int>)
        /// `range` covers the braces, `nameRange` just the name.
        case placeholder(name: String, range: Range<Int>, nameRange: Range<Int>)
        case malformed(Range<Int>)
    }

    /// The pieces of a text, in order, one at a time (a lexer takes just the first).
    public struct Scanner: Sequence, IteratorProtocol {
        private let bytes: ArraySlice<UInt8>
        private var index: Int

        public init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.index = bytes.startIndex
        }

        public mutating func next() -> Piece? {
            let end = bytes.endIndex, base = bytes.startIndex
            guard index < end else { return nil }
            let start = index
            guard opens(at: start) else {
                index += 1
                while index < end, !opens(at: index) { index += 1 }
                return .literal(start - base..<index - base)
            }
            var close = start + 2
            while close + 1 < end, !(bytes[close] == Placeholder.closing && bytes[close + 1] == Placeholder.closing) { close += 1 }
            guard close + 1 < end else {
                index = end
                return .malformed(start - base..<end - base)
            }
            index = close + 2
            var nameStart = start + 2, nameEnd = close
            while nameStart < nameEnd, bytes[nameStart] == Placeholder.space { nameStart += 1 }
            while nameEnd > nameStart, bytes[nameEnd - 1] == Placeholder.space { nameEnd -= 1 }
            guard Placeholder.isName(bytes[nameStart..<nameEnd]) else { return .malformed(start - base..<index - base) }
            return .placeholder(name: String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self),
                                range: start - base..<index - base, nameRange: nameStart - base..<nameEnd - base)
        }

        private func opens(at offset: Int) -> Bool {
            offset + 1 < bytes.endIndex && bytes[offset] == Placeholder.opening && bytes[offset + 1] == Placeholder.opening
        }
    }

    private static let opening = UInt8(ascii: "{"), closing = UInt8(ascii: "}"), space = UInt8(ascii: " ")

    public static func pieces(in text: String) -> [Piece] {
        Array(Scanner(ArraySlice(text.utf8)))
    }

    /// The names of the placeholders in `text`, in order, repeats included.
    public static func names(in text: String) -> [String] {
        pieces(in: text).compactMap { if case .placeholder(let name, _, _) = $0 { name } else { nil } }
    }

    /// Whether `text` is exactly one placeholder (`{{callback}}`, a dial target filled later).
    public static func isPlaceholder(_ text: String) -> Bool {
        let bytes = ArraySlice(text.utf8)
        var scanner = Scanner(bytes)
        guard case .placeholder(_, let range, _) = scanner.next() else { return false }
        return range.count == bytes.count
    }

    /// `text` with each placeholder `replacement` gives a value for replaced by that value,
    /// in one pass (a value holding `{{x}}` is not expanded); everything else as written.
    public static func substitute(_ text: String, _ replacement: (String) -> String?) -> String {
        guard text.contains("{{") else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for piece in Scanner(bytes[...]) {
            switch piece {
            case .placeholder(let name, let range, _):
                if let value = replacement(name) { result += value.utf8 } else { result += bytes[range] }
            case .literal(let range), .malformed(let range):
                result += bytes[range]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `text` is a placeholder name (without braces).
    public static func isName(_ text: String) -> Bool {
        isName(ArraySlice(text.utf8))
    }

    private static func isName(_ bytes: ArraySlice<UInt8>) -> Bool {
        var atPartStart = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                atPartStart = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                if atPartStart { return false }
            case UInt8(ascii: "."):
                if atPartStart { return false }
                atPartStart = true
            default:
                return false
            }
        }
        return !atPartStart
    }

    /// What the front end says about a malformed piece (`invalid-placeholder`), and the
    /// range it points at (offsets as the piece's): the piece, or the `{{` when unclosed.
    public struct Problem: Sendable, Equatable {
        public let message: String
        public let help: String
        public let range: Range<Int>
    }

    public static func problem(_ malformed: Range<Int>, in bytes: ArraySlice<UInt8>) -> Problem {
        let written = bytes[(bytes.startIndex + malformed.lowerBound)..<(bytes.startIndex + malformed.upperBound)]
        let isClosed = written.count >= 4 && written.suffix(2).allSatisfy { $0 == closing }
        let message = !isClosed ? "this `{{` is not closed by `}}`"
            : written.count <= 40 ? "`\(String(decoding: written, as: UTF8.self))` is not a placeholder"
            : "the text between this `{{` and the next `}}` is not a placeholder name"
        let help = "a placeholder is `{{name}}`: letters, digits, `_` and `-`, starting with a letter or `_`, "
            + "parts joined by `.` (`{{env.KEY}}`); text cannot hold a literal `{{`: write `{ {`, or `%7B%7B` in a URL"
        return Problem(message: message, help: help, range: isClosed ? malformed : malformed.lowerBound..<malformed.lowerBound + 2)
    }
}
