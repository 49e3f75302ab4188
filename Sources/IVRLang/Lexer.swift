/// Turns a source file into tokens, with indentation made into INDENT/DEDENT tokens the
/// way CPython's tokenizer does: a stack of widths, spaces only, dedents must land on a
/// width already on the stack. Never stops at an error: it reports and goes on.
public struct Lexer {
    /// Deeper blocks are refused, so hostile input cannot make the parser recurse without bound.
    public static let maxNestingDepth = 64
    /// After this many errors in one file the rest is not reported (it is noise by then).
    public static let maxErrors = 200

    public struct Output: Sendable {
        public var tokens: [Token]
        public var comments: [Comment]
        public var diagnostics: [Diagnostic]
    }

    private let source: SourceFile
    private let bytes: [UInt8]
    private var tokens: [Token] = []
    private var comments: [Comment] = []
    private var diagnostics: [Diagnostic] = []
    private var indentStack: [Int] = [0]

    public init(_ source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    public static func tokenize(_ source: SourceFile) -> Output {
        var lexer = Lexer(source)
        return lexer.run()
    }

    mutating func run() -> Output {
        for line in 0..<source.lineStarts.count {
            let start = source.lineStarts[line]
            var end = line + 1 < source.lineStarts.count ? source.lineStarts[line + 1] - 1 : bytes.count
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if start >= end && line + 1 == source.lineStarts.count { break }
            lexLine(start, end)
        }
        let endOffset = bytes.count
        while indentStack.count > 1 {
            indentStack.removeLast()
            tokens.append(Token(.dedent, range: SourceRange(endOffset, endOffset)))
        }
        tokens.append(Token(.end, range: SourceRange(endOffset, endOffset)))
        return Output(tokens: tokens, comments: comments, diagnostics: diagnostics)
    }

    // MARK: Lines and indentation

    private mutating func lexLine(_ start: Int, _ end: Int) {
        var index = start
        var width = 0
        var tabAt: Int?
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            if bytes[index] == UInt8(ascii: "\t") {
                if tabAt == nil { tabAt = index }
                width = (width / 8 + 1) * 8
            } else {
                width += 1
            }
            index += 1
        }
        // Blank and comment-only lines do not open or close blocks.
        if index == end { return }
        if bytes[index] == UInt8(ascii: "#") {
            addComment(index, end, ownLine: true)
            return
        }
        if let tabAt {
            report(.indentation, "a tab is used for indentation", tabAt, tabAt + 1,
                   help: "indent with spaces only (two per level is the house style)")
        }
        indent(to: width, at: index)
        lexTokens(index, end)
        tokens.append(Token(.newline, range: SourceRange(end, end)))
    }

    private mutating func indent(to width: Int, at offset: Int) {
        let here = SourceRange(offset, offset)
        if width > indentStack.last! {
            if indentStack.count > Self.maxNestingDepth {
                report(.nestingTooDeep, "blocks are nested more than \(Self.maxNestingDepth) levels deep",
                       offset, offset + 1, help: "split the flow into steps and use `goto`")
                return
            }
            indentStack.append(width)
            tokens.append(Token(.indent, range: here))
            return
        }
        var closing = indentStack.reversed().prefix { $0 > width }.count
        if !indentStack.contains(width) {
            let levels = indentStack.map(String.init).joined(separator: ", ")
            report(.indentation, "this line's indentation (\(width) spaces) does not match any enclosing block",
                   offset - width, offset,
                   help: "indent it to one of the enclosing levels (\(levels) spaces)")
            // Recover as if it were aligned with the innermost block it falls inside.
            closing -= 1
        }
        for _ in 0..<closing {
            indentStack.removeLast()
            tokens.append(Token(.dedent, range: here))
        }
    }

    // MARK: Tokens within a line

    private mutating func lexTokens(_ lineStart: Int, _ end: Int) {
        var index = lineStart
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "#"):
                addComment(index, end, ownLine: false)
                return
            case UInt8(ascii: "\""):
                guard let next = lexString(index, end) else { return }
                index = next
            case UInt8(ascii: "="):
                tokens.append(Token(.equals, "=", range: SourceRange(index, index + 1)))
                index += 1
                index = lexKeys(index, end) ?? lexPrefixList(index, end) ?? index
            case UInt8(ascii: "-") where index + 1 < end && bytes[index + 1] == UInt8(ascii: ">"):
                tokens.append(Token(.arrow, "->", range: SourceRange(index, index + 2)))
                index += 2
            case UInt8(ascii: "+"):
                index = lexPhone(index, end)
            case UInt8(ascii: "{") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "{"):
                guard let next = lexPlaceholder(index, end) else { return }
                index = next
            default:
                if Self.isWordByte(byte) {
                    index = lexWord(index, end)
                } else {
                    let scalarEnd = Self.scalarEnd(bytes, index, end)
                    let shown = String(decoding: bytes[index..<scalarEnd], as: UTF8.self)
                    let what = shown == "\u{FFFD}" ? "a byte that is not valid UTF-8"
                    : byte < 0x20 || byte == 0x7F ? "control character U+00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))"
                    : "`\(shown)`"
                    report(.syntax, "unexpected \(what) here", index, scalarEnd,
                           help: "text belongs in double quotes: \"…\"")
                    return
                }
            }
        }
    }

    /// DTMF keys written as an option's value (`finish-on-key=#`, `valid-digits=123*`): there
    /// `#` is a key, not a comment. Only a run of keys holding `#` or `*` up to the next space
    /// qualifies; returns the index after it, or nil to lex the value as usual.
    private mutating func lexKeys(_ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t") { index += 1 }
        let run = bytes[start..<index]
        guard run.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "*") }),
              run.allSatisfy({ Self.isKeyByte($0) }) else { return nil }
        tokens.append(Token(.word, String(decoding: run, as: UTF8.self), range: SourceRange(start, index)))
        return index
    }

    /// The largest number a flow can write; longer runs of digits are words.
    public static let largestNumber = 1_000_000_000

    /// A telephone keypad key: `0`–`9`, `*`, `#`.
    static func isKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "#")
    }

    /// Letters, digits and `_ . - * #`-free value characters.
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func scalarEnd(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int {
        var next = index + 1
        while next < end, bytes[next] & 0xC0 == 0x80, next - index < 4 { next += 1 }
        return next
    }

    private mutating func lexWord(_ start: Int, _ end: Int) -> Int {
        var index = start
        // A digit-led word may hold clock times (`8:00-18:00`); elsewhere `:` ends a word.
        let digitLed = bytes[start] >= UInt8(ascii: "0") && bytes[start] <= UInt8(ascii: "9")
        while index < end, Self.isWordByte(bytes[index])
            || (digitLed && bytes[index] == UInt8(ascii: ":") && index + 1 < end && bytes[index + 1] >= UInt8(ascii: "0") && bytes[index + 1] <= UInt8(ascii: "9")) {
            index += 1
        }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        // `sip:…` and `scheme://…` run to the next space; a control character ends them too
        // (and is then reported), since XML cannot carry one.
        if index < end, bytes[index] == UInt8(ascii: ":") {
            let lower = word.lowercased()
            let isURL = index + 2 < end && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
            if lower == "sip" || lower == "sips" || isURL {
                var stop = index
                while stop < end, bytes[stop] > UInt8(ascii: " "), bytes[stop] != 0x7F { stop += 1 }
                var text = String(decoding: bytes[start..<stop], as: UTF8.self)
                // A SIP URI's scheme is case-insensitive (RFC 3261 §19.1.4); TeXML's `<Sip>` takes
                // it in lower case only, so `SIP:desk@…` is read as `sip:desk@…`.
                if !isURL, word != lower { text = lower + text.dropFirst(word.count) }
                if !isURL { reportMalformedSIP(start, index + 1, stop) }
                tokens.append(Token(isURL ? .url : .sipURI, text, range: SourceRange(start, stop)))
                return stop
            }
        }
        if let first = word.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
            lexNumber(word, start, index)
        } else {
            tokens.append(Token(.word, word, range: SourceRange(start, index)))
        }
        return index
    }

    /// A SIP target is `sip:USER` or `sip:USER@HOST`, as TeXML's `<Sip>` takes it
    /// (`sips?:[^\s@]+(@[^\s@]+)?`): one `@` at most, with text on both sides of it. A placeholder
    /// counts as text: what fills it is checked when it is filled. `user` is where the text after
    /// the scheme's `:` starts.
    private mutating func reportMalformedSIP(_ start: Int, _ user: Int, _ stop: Int) {
        let at = UInt8(ascii: "@")
        var ats: [Int] = []
        for case .literal(let range) in Placeholder.Scanner(bytes[user..<stop]) {
            ats += range.map { user + $0 }.filter { bytes[$0] == at }
        }
        let problem: (what: String, start: Int, end: Int)? =
            if user == stop { ("nothing follows the scheme", start, stop) }
            else if ats.count > 1 { ("it has more than one `@`", ats[1], ats[1] + 1) }
            else if ats.first == user { ("no user comes before its `@`", user, user + 1) }
            else if ats.first == stop - 1 { ("no host follows its `@`", stop - 1, stop) }
            else { nil }
        guard let problem else { return }
        report(.syntax, "`\(String(decoding: bytes[start..<stop], as: UTF8.self))` is not a SIP target: \(problem.what)",
               problem.start, problem.end, help: "write `sip:USER` or `sip:USER@HOST`, as in `sip:desk@clinic.example.com`")
    }

    /// `25` is an integer, `25s`/`500ms`/`2m` durations; anything else digit-led is a word value.
    /// A run of digits too long for a number stays a word: it can still be keys
    /// (`press 3125550123`), and where a number is meant the reader says it is too large.
    private mutating func lexNumber(_ word: String, _ start: Int, _ end: Int) {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        let unit = word.dropFirst(digits.count)
        let multiplier: Int? = switch unit {
        case "": 1
        case "ms": 1
        case "s": 1000
        case "m": 60_000
        default: nil
        }
        guard let multiplier else {
            tokens.append(Token(.word, word, range: SourceRange(start, end)))
            return
        }
        guard let value = Int(digits), value <= Self.largestNumber else {
            if unit.isEmpty {
                tokens.append(Token(.word, word, range: SourceRange(start, end)))
                return
            }
            report(.syntax, "`\(word)` is too large", start, end, help: "use a number below 1,000,000,000")
            tokens.append(Token(.integer, word, number: 0, range: SourceRange(start, end)))
            return
        }
        let kind: Token.Kind = unit.isEmpty ? .integer : .duration
        tokens.append(Token(kind, word, number: value * multiplier, range: SourceRange(start, end)))
    }

    /// `{{NAME}}` written where a value stands (`dial {{number}}`): a word holding the braces,
    /// filled with the call's value when the document is requested.
    private mutating func lexPlaceholder(_ start: Int, _ end: Int) -> Int? {
        var scanner = Placeholder.Scanner(bytes[start..<end])
        switch scanner.next() {
        case .placeholder(_, let range, _):
            let stop = start + range.upperBound
            tokens.append(Token(.word, String(decoding: bytes[start..<stop], as: UTF8.self), range: SourceRange(start, stop)))
            return stop
        case .malformed(let range):
            let problem = Placeholder.problem(range, in: bytes[start..<end])
            report(.invalidPlaceholder, problem.message, start + problem.range.lowerBound, start + problem.range.upperBound,
                   help: problem.help)
            return nil
        case .literal, nil:
            return nil
        }
    }

    private mutating func lexPhone(_ start: Int, _ end: Int) -> Int {
        var index = start + 1
        var digits = "+"
        while index < end {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(Character(UnicodeScalar(byte)))
            } else if byte != UInt8(ascii: "-") {
                break
            }
            index += 1
        }
        if digits.count == 1 {
            report(.syntax, "`+` must start a phone number", start, start + 1,
                   help: "write numbers in international form, e.g. +1-800-555-0157")
            return start + 1
        }
        // `+1{{callback}}`: a country code the value's digits follow, one dial target.
        if index + 1 < end, bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") {
            guard let stop = lexPlaceholder(index, end) else { return end }
            let placeholder = tokens.removeLast()
            tokens.append(Token(.word, digits + placeholder.text, range: SourceRange(start, stop)))
            return stop
        }
        tokens.append(Token(.phone, digits, range: SourceRange(start, index)))
        return index
    }

    /// An option's value starting with `+` that is not one phone number (`allow=+1,+44`, or a
    /// malformed `allow=+1x`): one word up to the next space, for the reader to check as a
    /// list of prefixes. Returns the index after it, or nil to lex the value as usual.
    private mutating func lexPrefixList(_ start: Int, _ end: Int) -> Int? {
        guard start < end, bytes[start] == UInt8(ascii: "+") else { return nil }
        var index = start
        while index < end, bytes[index] > UInt8(ascii: " "), bytes[index] != 0x7F { index += 1 }
        let run = bytes[(start + 1)..<index]
        let isNumber = run.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && run.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
        guard !isNumber, !run.contains(UInt8(ascii: "{")) else { return nil }
        tokens.append(Token(.word, String(decoding: bytes[start..<index], as: UTF8.self), range: SourceRange(start, index)))
        return index
    }

    /// Returns the offset after the closing quote, or nil (after reporting) when the line ends first.
    private mutating func lexString(_ start: Int, _ end: Int) -> Int? {
        var index = start + 1
        var decoded: [UInt8] = []
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    report(.encoding, "this text is not valid UTF-8", start, index + 1,
                           help: "save the file as UTF-8")
                    return index + 1
                }
                tokens.append(Token(.string, text, range: SourceRange(start, index + 1)))
                return index + 1
            }
            if byte == UInt8(ascii: "\\") {
                guard let next = unescape(index, end, into: &decoded) else { return nil }
                index = next
                continue
            }
            decoded.append(byte)
            index += 1
        }
        report(.unterminatedString, "this string is not closed before the end of the line", start, end,
               help: "add a closing `\"`; to continue text on the next line, put it in its own quoted string there")
        return nil
    }

    /// Decodes one escape at `index` (a backslash); nil after reporting a bad escape.
    private mutating func unescape(_ index: Int, _ end: Int, into decoded: inout [UInt8]) -> Int? {
        guard index + 1 < end else {
            report(.unterminatedString, "this string is not closed before the end of the line", index, end,
                   help: "add a closing `\"`")
            return nil
        }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): decoded.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): decoded.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "n"): decoded.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): decoded.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "u"):
            var close = index + 2
            while close < end, bytes[close] != UInt8(ascii: "}"), close - index < 12 { close += 1 }
            let hexStart = index + 3
            guard index + 2 < end, bytes[index + 2] == UInt8(ascii: "{"), close < end, bytes[close] == UInt8(ascii: "}"),
                  hexStart < close,
                  let value = UInt32(String(decoding: bytes[hexStart..<close], as: UTF8.self), radix: 16),
                  let scalar = UnicodeScalar(value)
            else {
                report(.syntax, "invalid unicode escape", index, min(end, close + 1),
                       help: "write it as \\u{1F600}: one to six hex digits naming a Unicode scalar")
                return nil
            }
            decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
            return close + 1
        default:
            report(.syntax, "unknown escape `\\\(String(decoding: [bytes[index + 1]], as: UTF8.self))`",
                   index, index + 2, help: "the escapes are \\\" \\\\ \\n \\t and \\u{XXXX}")
            return nil
        }
        return index + 2
    }

    private mutating func addComment(_ start: Int, _ end: Int, ownLine: Bool) {
        // Carriage returns ending a comment are line-ending debris (`#…\r\r\n`): kept, they
        // would not survive being written back, and `fmt` would refuse the file.
        var end = end
        while end > start + 1, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        // Decoding would replace the bytes with U+FFFD, and `fmt` would write that back.
        guard let text = String(validating: bytes[(start + 1)..<end], as: UTF8.self) else {
            report(.encoding, "this comment is not valid UTF-8", start, end, help: "save the file as UTF-8")
            return
        }
        comments.append(Comment(text: text.trimmingSpaces(), range: SourceRange(start, end), ownLine: ownLine))
    }

    private mutating func report(_ id: DiagnosticID, _ message: String, _ start: Int, _ end: Int, help: String?) {
        guard diagnostics.count < Self.maxErrors else { return }
        diagnostics.append(.error(id, message, at: source.span(start, end), help: help))
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
