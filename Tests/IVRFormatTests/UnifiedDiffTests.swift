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
