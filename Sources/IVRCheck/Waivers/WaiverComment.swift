import IVRLang

/// A `# ivrc: …` comment read into its parts. Other comments are not waivers and read as nil.
struct WaiverComment {
    enum Content {
        case allow(rule: String, reason: String?)
        /// Starts with `ivrc:` but is not `allow RULE [-- reason]`; the string says what is wrong.
        case malformed(String)
    }

    let content: Content
    /// Byte range of the rule id in the file (the whole comment when there is none).
    let ruleRange: SourceRange

    static let prefix = "ivrc:"

    init?(_ comment: Comment, in source: SourceFile) {
        // Parse the raw bytes after `#` so positions map back into the file.
        let start = comment.range.start + 1
        let raw = String(decoding: source.bytes[start..<comment.range.end], as: UTF8.self)
        let trimmed = raw.drop { $0 == " " }
        guard trimmed.hasPrefix(Self.prefix) else { return nil }
        func offset(of index: String.Index) -> Int { start + raw.utf8.distance(from: raw.startIndex, to: index) }

        var rest = trimmed.dropFirst(Self.prefix.count).drop { $0 == " " }
        let verb = rest.prefix { !$0.isWhitespace }
        guard verb == "allow" else {
            ruleRange = comment.range
            let found = verb.isEmpty ? "nothing" : "`\(verb)`"
            content = .malformed("expected `allow` after `ivrc:`, found \(found)")
            return
        }
        rest = rest.dropFirst(verb.count).drop { $0 == " " }
        let rule = rest.prefix { !$0.isWhitespace }
        guard !rule.isEmpty, !rule.hasPrefix("--") else {
            ruleRange = comment.range
            content = .malformed("the waiver does not name the rule it allows")
            return
        }
        ruleRange = SourceRange(offset(of: rule.startIndex), offset(of: rule.endIndex))
        rest = rest.dropFirst(rule.count).drop(while: \.isWhitespace)
        if rest.isEmpty {
            content = .allow(rule: String(rule), reason: nil)
        } else if rest.hasPrefix("--") {
            let reason = rest.dropFirst(2).trimmed
            content = .allow(rule: String(rule), reason: reason.isEmpty ? nil : reason)
        } else {
            content = .malformed("a waiver allows one rule, then `--` and the reason")
        }
    }
}

extension Substring {
    fileprivate var trimmed: String {
        var text = drop(while: \.isWhitespace)
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
