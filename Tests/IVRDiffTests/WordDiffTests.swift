import Testing
@testable import IVRDiff

@Suite struct WordDiffTests {
    @Test func changedWordsAreMarked() {
        #expect(WordDiff.render("For billing, press 3.", "For billing, press 4.") == "For billing, [-press 3.-] {+press 4.+}"
            || WordDiff.render("For billing, press 3.", "For billing, press 4.") == "For billing, press [-3.-] {+4.+}")
        #expect(WordDiff.render("Press 1 now", "Press 1 now please") == "Press 1 now {+please+}")
        #expect(WordDiff.render("a b c", "a c") == "a [-b-] c")
        #expect(WordDiff.render("same", "same") == "same")
    }
}
