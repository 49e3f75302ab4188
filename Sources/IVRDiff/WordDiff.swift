/// A word-level diff for prompts: `For billing, press [-3-]{+4+}.` (wdiff's notation), from the
/// longest common subsequence of the two texts' words.
enum WordDiff {
    static func render(_ old: String, _ new: String) -> String {
        let a = old.split(separator: " ").map(String.init), b = new.split(separator: " ").map(String.init)
        // Prompts are short; the quadratic table stays small. Past that, show both whole.
        guard a.count * b.count <= 250_000 else { return "[-\(old)-]{+\(new)+}" }
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var words: [String] = [], removed: [String] = [], added: [String] = []
        func flush() {
            if !removed.isEmpty { words.append("[-\(removed.joined(separator: " "))-]") }
            if !added.isEmpty { words.append("{+\(added.joined(separator: " "))+}") }
            removed = []
            added = []
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                flush()
                words.append(a[i])
                i += 1
                j += 1
            } else if j < b.count && (i == a.count || lengths[i][j + 1] >= lengths[i + 1][j]) {
                added.append(b[j])
                j += 1
            } else {
                removed.append(a[i])
                i += 1
            }
        }
        flush()
        return words.joined(separator: " ")
    }
}
