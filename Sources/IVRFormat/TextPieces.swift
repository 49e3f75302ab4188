import IVRLang

/// The quoted strings a text argument was written as. The parser joins continued lines
/// into one value; the formatter keeps the writer's line breaks, so it reads the pieces back
/// from the tokens that start at the value.
struct TextPiece: Equatable {
    let text: String
    /// Byte offset of the piece's opening quote.
    let offset: Int
}

enum TextPieces {
    /// The pieces of `value` (a string), or the whole text as one piece when the tokens
    /// do not join back to it (text lines written after a nested statement, say).
    static func pieces(of value: Value, text: String, tokens: [Token]) -> [TextPiece] {
        let whole = [TextPiece(text: text, offset: value.range.start)]
        var index = firstToken(at: value.range.start, in: tokens)
        // Layout tokens share the offset of the line's first token; step over them.
        while index < tokens.count, tokens[index].range.start == value.range.start, tokens[index].kind != .string {
            index += 1
        }
        guard index < tokens.count, tokens[index].kind == .string, tokens[index].range.start == value.range.start else {
            return whole
        }
        var pieces: [TextPiece] = []
        var onFirstLine = true
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .string where !(index > 0 && tokens[index - 1].kind == .equals):
                pieces.append(TextPiece(text: token.text, offset: token.range.start))
            case .newline:
                onFirstLine = false
            case .indent:
                break
            default:
                // The rest of the first line (options, `-> STEP`) is not text.
                if !onFirstLine { return joined(pieces) == text ? pieces : whole }
            }
            index += 1
        }
        return joined(pieces) == text ? pieces : whole
    }

    private static func joined(_ pieces: [TextPiece]) -> String {
        pieces.map(\.text).joined(separator: " ")
    }

    /// Binary search: the first token starting at or after `offset`.
    fileprivate static func firstToken(at offset: Int, in tokens: [Token]) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension TextPieces {
    /// Where the first string after `offset` starts: a test's description, which the
    /// tree keeps as text only.
    static func firstString(after offset: Int, in tokens: [Token]) -> Int? {
        var index = firstToken(at: offset + 1, in: tokens)
        while index < tokens.count {
            switch tokens[index].kind {
            case .string: return tokens[index].range.start
            case .newline, .indent: index += 1
            default: return nil
            }
        }
        return nil
    }
}
