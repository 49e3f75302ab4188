import Foundation
import IVRTestSupport
import Testing

/// `ivrc fmt` as CI and editors run it: exit codes, what is written and what is printed.
@Suite struct FormatCommandTests {
    static let messy = """
    flow f
        number +1-800-555-0157
        step main
            say   "Hello."
            hangup

    """
    static let formatted = """
    flow f
      number +1-800-555-0157

      step main
        say "Hello."
        hangup

    """

    /// A scratch directory holding `files`, removed after `body`.
    static func withFiles(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        try body(directory)
    }

    static func contents(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    @Test func examplesPassCheck() throws {
        let run = try CLITests.ivrc("fmt", "--check", Repository.examples.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func rewritesFilesInPlace() throws {
        try Self.withFiles(["a.ivr": Self.messy, "b.ivr": Self.formatted]) { directory in
            let run = try CLITests.ivrc("fmt", directory.path)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try Self.contents(directory.appendingPathComponent("a.ivr")) == Self.formatted)
            #expect(try Self.contents(directory.appendingPathComponent("b.ivr")) == Self.formatted)
            // No temporary files are left behind.
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["a.ivr", "b.ivr"])
        }
    }

    @Test func checkListsUnformattedFilesAndExitsOne() throws {
        try Self.withFiles(["a.ivr": Self.messy, "b.ivr": Self.formatted]) { directory in
            let path = directory.appendingPathComponent("a.ivr").path
            let run = try CLITests.ivrc("fmt", "--check", directory.path)
            #expect(run.status == 1)
            #expect(run.stdout.hasSuffix("a.ivr\n"))
            #expect(!run.stdout.contains("b.ivr"))
            #expect(try Self.contents(URL(fileURLWithPath: path)) == Self.messy)
        }
    }

    @Test func diffPrintsAUnifiedDiffAndWritesNothing() throws {
        try Self.withFiles(["a.ivr": Self.messy]) { directory in
            let path = directory.appendingPathComponent("a.ivr").path
            let run = try CLITests.ivrc("fmt", "--diff", path)
            #expect(run.status == 0)
            #expect(run.stdout.hasPrefix("--- \(path)\n+++ \(path) (formatted)\n@@ -1,5 +1,6 @@\n"))
            #expect(run.stdout.contains("-        say   \"Hello.\"\n"))
            #expect(run.stdout.contains("+    say \"Hello.\"\n"))
            #expect(try Self.contents(URL(fileURLWithPath: path)) == Self.messy)
        }
    }

    @Test func filesWithSyntaxErrorsAreLeftAloneAndExitOne() throws {
        let broken = "flow f\n  number +1-800-555-0157\n  step main\n      say \"unterminated\n"
        try Self.withFiles(["a.ivr": Self.messy, "broken.ivr": broken]) { directory in
            let run = try CLITests.ivrc("fmt", directory.path)
            #expect(run.status == 1)
            #expect(run.stderr.contains("unterminated-string"))
            #expect(try Self.contents(directory.appendingPathComponent("broken.ivr")) == broken)
            #expect(try Self.contents(directory.appendingPathComponent("a.ivr")) == Self.formatted)
        }
    }

    @Test func standardInputIsFormattedToStandardOutput() throws {
        try Self.withFiles(["a.ivr": Self.messy]) { directory in
            let run = try CLITests.ivrc("fmt", "-", stdin: directory.appendingPathComponent("a.ivr"))
            #expect(run.status == 0)
            #expect(run.stdout == Self.formatted)
        }
    }

    @Test func missingFileIsAUsageError() throws {
        let run = try CLITests.ivrc("fmt", "no-such-file.ivr")
        #expect(run.status == 2)
    }
}
