/// A unified diff (`diff -u` style, three lines of context) between two texts, built on
/// the standard library's `difference(from:)`. Lines are compared with their line endings,
/// so a CRLF file or a missing final newline shows as a change.
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

    private static func script(_ before: [Substring], _ after: [Substring]) -> [Edit] {
        let difference = after.difference(from: before)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [Edit] = []
        var old = 0, new = 0
        while old < before.count || new < after.count {
            if old < before.count && removed.contains(old) {
                edits.append(Edit(kind: .delete, line: String(before[old]), oldIndex: old, newIndex: new))
                old += 1
            } else if new < after.count && inserted.contains(new) {
                edits.append(Edit(kind: .insert, line: String(after[new]), oldIndex: old, newIndex: new))
                new += 1
            } else {
                edits.append(Edit(kind: .same, line: String(before[old]), oldIndex: old, newIndex: new))
                old += 1
                new += 1
            }
        }
        return edits
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
        let first = shown.first!
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
