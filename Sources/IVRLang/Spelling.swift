/// "Did you mean" support: the closest candidate within a small edit distance.
public enum Spelling {
    /// The candidate nearest to `word`, if it is close enough to be a plausible typo
    /// (at most 2 edits, and at most a third of the word's length).
    public static func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(2, word.count / 3))
        var best: (distance: Int, candidate: String)?
        let lowered = word.lowercased()
        for candidate in candidates where candidate != word {
            let distance = editDistance(lowered, candidate.lowercased(), limit: limit)
            if distance <= limit, best == nil || distance < best!.distance {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance, giving up early (returning `limit + 1`) once it exceeds `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit == .max ? limit : limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowMinimum = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
