import Foundation
import Testing

/// `invalid-placeholder` through the CLI: exit 1, pointing at the `{{` past an emoji.
@Suite struct PlaceholderCLITests {
    static let fixtures = CLITests.fixtures.appendingPathComponent("placeholders").path

    @Test func aMustacheSectionIsALocatedError() throws {
        let path = "\(Self.fixtures)/invalid.ivr"
        let run = try CLITests.ivrc(["check", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(path):11:24: error[invalid-placeholder]: `{{#member_id}}` is not a placeholder"), "\(run.stdout)")
        #expect(run.stdout.contains("write `{ {`"))
    }

    @Test func wellFormedPlaceholdersPass() throws {
        let run = try CLITests.ivrc(["check", "\(Self.fixtures)/valid.ivr"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }
}
