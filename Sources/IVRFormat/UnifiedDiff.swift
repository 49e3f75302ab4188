/// A unified diff (`diff -u` style, three lines of context) between two texts. Lines are
/// compared with their line endings, so a CRLF file or a missing final newline shows as a change.
public enum UnifiedDiff {
    public static let context = 3

    /// Empty when the texts are equal.
    public static func render(old: String, new: String, oldLabel: String, newLabel: String) -> String {
        let before = lines(old), after = lines(new)
        let edits = script(before, after)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(edits) { out += render(hunk, edits) }
        return out
    }

    /// A run of changed lines: the old lines `old` (0-based, half-open; empty for an
    /// insertion before line `old.lowerBound`) become `text`.
    public struct Change: Sendable, Equatable {
        public let old: Range<Int>
        public let text: String
    }

    /// What turns `old` into `new`, one change per run of changed lines.
    public static func changes(old: String, new: String) -> [Change] {
        let edits = script(lines(old), lines(new))
        var changes: [Change] = []
        var index = edits.startIndex
        while index < edits.endIndex {
            guard edits[index].kind != .same else {
                index += 1
                continue
            }
            let start = edits[index].oldIndex
            var deleted = 0, text = ""
            while index < edits.endIndex, edits[index].kind != .same {
                if edits[index].kind == .delete { deleted += 1 } else { text += edits[index].line }
                index += 1
            }
            changes.append(Change(old: start..<(start + deleted), text: text))
        }
        return changes
    }

    private enum Kind { case same, delete, insert }

    private struct Edit {
        let kind: Kind
        let line: String
        /// 0-based positions in the old and new line lists before this edit.
        let oldIndex: Int
        let newIndex: Int
    }

    /// Lines with their terminators, so "x" and "x\n" differ.
    private static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        for index in text.indices where text[index] == "\n" {
            let next = text.index(after: index)
            result.append(text[start..<next])
            start = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// Gaps up to this many lines (both sides together) are diffed exactly with the standard
    /// library's Myers diff, whose time and memory grow with the square of the changes; larger
    /// gaps are first split at lines that occur once on each side (patience diff).
    public static let exactDiffLimit = 2_000

    private static func script(_ before: [Substring], _ after: [Substring]) -> [Edit] {
        var edits: [Edit] = []
        var old = 0, new = 0
        for (matchedOld, matchedNew) in matches(before, after) + [(before.count, after.count)] {
            while old < matchedOld {
                edits.append(Edit(kind: .delete, line: String(before[old]), oldIndex: old, newIndex: new))
                old += 1
            }
            while new < matchedNew {
                edits.append(Edit(kind: .insert, line: String(after[new]), oldIndex: old, newIndex: new))
                new += 1
            }
            guard old < before.count, new < after.count else { break }
            edits.append(Edit(kind: .same, line: String(before[old]), oldIndex: old, newIndex: new))
            old += 1
            new += 1
        }
        return edits
    }

    /// Pairs of equal lines (old index, new index), increasing on both sides.
    private static func matches(_ before: [Substring], _ after: [Substring]) -> [(Int, Int)] {
        var found: [(Int, Int)] = []
        var gaps = [(0..<before.count, 0..<after.count)]
        while let (oldRange, newRange) = gaps.popLast() {
            var old = oldRange, new = newRange
            while !old.isEmpty, !new.isEmpty, before[old.lowerBound] == after[new.lowerBound] {
                found.append((old.lowerBound, new.lowerBound))
                old = old.dropFirst()
                new = new.dropFirst()
            }
            while !old.isEmpty, !new.isEmpty, before[old.upperBound - 1] == after[new.upperBound - 1] {
                found.append((old.upperBound - 1, new.upperBound - 1))
                old = old.dropLast()
                new = new.dropLast()
            }
            guard !old.isEmpty, !new.isEmpty else { continue }
            if old.count + new.count <= exactDiffLimit {
                found += exactMatches(before[old], after[new])
                continue
            }
            let anchors = uniqueCommonLines(before[old], after[new])
            // No line is unique to both sides: the whole gap is replaced.
            guard !anchors.isEmpty else { continue }
            found += anchors
            // The stretches between anchors are diffed on their own.
            var previous = (old.lowerBound, new.lowerBound)
            for anchor in anchors + [(old.upperBound, new.upperBound)] {
                gaps.append((previous.0..<anchor.0, previous.1..<anchor.1))
                previous = (anchor.0 + 1, anchor.1 + 1)
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    private static func exactMatches(_ before: ArraySlice<Substring>, _ after: ArraySlice<Substring>) -> [(Int, Int)] {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in Array(after).difference(from: Array(before)) {
            switch change {
            case .remove(let offset, _, _): removed.insert(before.startIndex + offset)
            case .insert(let offset, _, _): inserted.insert(after.startIndex + offset)
            }
        }
        let kept = zip(before.indices.filter { !removed.contains($0) }, after.indices.filter { !inserted.contains($0) })
        return Array(kept)
    }

    /// Lines that occur exactly once on each side, as many as keep their order on both
    /// (the longest increasing run, by patience sorting).
    private static func uniqueCommonLines(_ before: ArraySlice<Substring>, _ after: ArraySlice<Substring>) -> [(Int, Int)] {
        var oldIndex: [Substring: Int] = [:], oldCount: [Substring: Int] = [:], newCount: [Substring: Int] = [:]
        for index in before.indices {
            oldIndex[before[index]] = index
            oldCount[before[index], default: 0] += 1
        }
        for line in after { newCount[line, default: 0] += 1 }
        let pairs = after.indices.compactMap { index -> (Int, Int)? in
            let line = after[index]
            guard newCount[line] == 1, oldCount[line] == 1, let old = oldIndex[line] else { return nil }
            return (old, index)
        }
        // Piles of patience sorting by old index; each entry remembers its predecessor.
        var pileTops: [Int] = []
        var predecessor = [Int?](repeating: nil, count: pairs.count)
        for (position, pair) in pairs.enumerated() {
            var low = 0, high = pileTops.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[pileTops[middle]].0 < pair.0 { low = middle + 1 } else { high = middle }
            }
            predecessor[position] = low > 0 ? pileTops[low - 1] : nil
            if low == pileTops.count { pileTops.append(position) } else { pileTops[low] = position }
        }
        var chain: [(Int, Int)] = []
        var current = pileTops.last
        while let position = current {
            chain.append(pairs[position])
            current = predecessor[position]
        }
        return chain.reversed()
    }

    /// Ranges of `edits` to show: each change with its context, overlapping ones merged.
    private static func hunks(_ edits: [Edit]) -> [Range<Int>] {
        var hunks: [Range<Int>] = []
        for (index, edit) in edits.enumerated() where edit.kind != .same {
            let range = max(0, index - context)..<min(edits.count, index + context + 1)
            if let last = hunks.last, range.lowerBound <= last.upperBound {
                hunks[hunks.count - 1] = last.lowerBound..<range.upperBound
            } else {
                hunks.append(range)
            }
        }
        return hunks
    }

    private static func render(_ hunk: Range<Int>, _ edits: [Edit]) -> String {
        let shown = edits[hunk]
        let oldCount = shown.filter { $0.kind != .insert }.count
        let newCount = shown.filter { $0.kind != .delete }.count
        guard let first = shown.first else { return "" }
        // An empty side names the line before it, as diff(1) does.
        let oldStart = oldCount == 0 ? first.oldIndex : first.oldIndex + 1
        let newStart = newCount == 0 ? first.newIndex : first.newIndex + 1
        var out = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
        for edit in shown {
            let marker = switch edit.kind {
            case .same: " "
            case .delete: "-"
            case .insert: "+"
            }
            out += marker + edit.line
            if !edit.line.hasSuffix("\n") { out += "\n\\ No newline at end of file\n" }
        }
        return out
    }
}
