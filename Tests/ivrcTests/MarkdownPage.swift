import Foundation

/// Just enough of Markdown to hold the reference pages to account: tables under a heading,
/// code spans, relative links and the anchors GitHub gives headings.
struct MarkdownPage {
    let lines: [String]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The cells of the first table under the heading `title` (any level), header row and
    /// separator left out; `\|` inside a cell is a character, not a column break.
    func table(under title: String) -> [[String]] {
        guard let heading = lines.firstIndex(where: { Self.headingTitle($0) == title }) else { return [] }
        let rest = lines[(heading + 1)...].prefix { Self.headingTitle($0) == nil }
        let rows = rest.drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return rows.dropFirst(2).map { row in
            row.replacingOccurrences(of: "\\|", with: "\u{0}").split(separator: "|")
                .map { $0.replacingOccurrences(of: "\u{0}", with: "|").trimmingCharacters(in: .whitespaces) }
        }
    }

    /// Links to other files of the repository (not `http…`, not `mailto:`), outside code blocks.
    var relativeLinks: [String] {
        var inCode = false
        return lines.flatMap { line -> [String] in
            if line.hasPrefix("```") { inCode.toggle() }
            guard !inCode else { return [] }
            return line.matches(of: /\]\(([^)\s]+)\)/).map { String($0.output.1) }
                .filter { !$0.contains(":") }
        }
    }

    /// GitHub's anchor of each heading: lower case, punctuation dropped, spaces as hyphens.
    var anchors: Set<String> {
        var inCode = false
        return Set(lines.compactMap { line -> String? in
            if line.hasPrefix("```") { inCode.toggle() }
            guard !inCode, let title = Self.headingTitle(line) else { return nil }
            return String(title.lowercased().compactMap { character -> Character? in
                if character == " " { return "-" }
                return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
            })
        })
    }

    static func codeSpans(in text: String) -> [String] {
        text.matches(of: /`([^`]+)`/).map { String($0.output.1) }
    }

    private static func headingTitle(_ line: String) -> String? {
        guard line.hasPrefix("#") else { return nil }
        let title = line.drop { $0 == "#" }
        return title.hasPrefix(" ") ? String(title.dropFirst()) : nil
    }
}
