import IVRFormat
import Testing

/// `ivrc fmt --diff` output: unified hunks with three lines of context.
@Suite struct UnifiedDiffTests {
    static let old = (1...12).map { "line \($0)\n" }.joined()

    @Test func equalTextsGiveNothing() {
        #expect(UnifiedDiff.render(old: Self.old, new: Self.old, oldLabel: "a", newLabel: "b").isEmpty)
    }

    @Test func oneChangeShowsThreeLinesOfContext() {
        let new = Self.old.replacingOccurrences(of: "line 6\n", with: "line six\n")
        #expect(UnifiedDiff.render(old: Self.old, new: new, oldLabel: "a", newLabel: "b") == """
        --- a
        +++ b
        @@ -3,7 +3,7 @@
         line 3
         line 4
         line 5
        -line 6
        +line six
         line 7
         line 8
         line 9

        """)
    }

    @Test func distantChangesMakeSeparateHunks() {
        let new = Self.old.replacingOccurrences(of: "line 1\n", with: "").replacingOccurrences(of: "line 12\n", with: "line 12\nline 13\n")
        let diff = UnifiedDiff.render(old: Self.old, new: new, oldLabel: "a", newLabel: "b")
        #expect(diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -1,4 +1,3 @@", "@@ -10,3 +9,4 @@"])
    }

    @Test func missingFinalNewlineIsShown() {
        let diff = UnifiedDiff.render(old: "a\nb", new: "a\nb\n", oldLabel: "x", newLabel: "y")
        #expect(diff.contains("-b\n\\ No newline at end of file\n+b\n"))
    }

    @Test func insertionIntoAnEmptyFileNamesLineZero() {
        let diff = UnifiedDiff.render(old: "", new: "a\n", oldLabel: "x", newLabel: "y")
        #expect(diff.contains("@@ -0,0 +1,1 @@\n+a\n"))
    }
}

/// Texts longer than `UnifiedDiff.exactDiffLimit` are split at lines unique to both sides;
/// the diff must still turn the old text into the new one, with the changes where they are.
@Suite struct LargeUnifiedDiffTests {
    /// Applies a unified diff made by `UnifiedDiff` (complete lines only).
    static func apply(_ diff: String, to old: String) throws -> String {
        let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 + "\n" }
        var result = "", position = 0
        for line in diff.split(separator: "\n").dropFirst(2) {
            if line.hasPrefix("@@") {
                let start = try #require(Int(line.dropFirst(4).prefix { $0.isNumber }))
                while position < start - 1 { result += oldLines[position]; position += 1 }
            } else if line.hasPrefix("+") {
                result += line.dropFirst() + "\n"
            } else {
                #expect(oldLines[position] == line.dropFirst() + "\n")
                if line.hasPrefix(" ") { result += oldLines[position] }
                position += 1
            }
        }
        return result + oldLines[position...].joined()
    }

    @Test func scatteredChangesInALongTextMakeSmallHunksThatApply() throws {
        let count = 3 * UnifiedDiff.exactDiffLimit
        let old = (0..<count).map { "line \($0)\n" }.joined()
        var lines = (0..<count).map { "line \($0)\n" }
        lines[10] = "changed 10\n"
        lines.insert("inserted\n", at: count / 2)
        lines.remove(at: count - 10)
        let new = lines.joined()
        let diff = UnifiedDiff.render(old: old, new: new, oldLabel: "a", newLabel: "b")
        #expect(diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") }.count == 3)
        #expect(try Self.apply(diff, to: old) == new)
    }

    @Test func aTextWhoseEveryLineChangesStillApplies() throws {
        let old = (0..<(2 * UnifiedDiff.exactDiffLimit)).map { "    line \($0 % 7)\n" }.joined()
        let new = old.replacingOccurrences(of: "    ", with: "  ")
        #expect(try Self.apply(UnifiedDiff.render(old: old, new: new, oldLabel: "a", newLabel: "b"), to: old) == new)
    }
}
