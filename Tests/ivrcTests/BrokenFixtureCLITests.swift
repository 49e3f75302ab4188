import Foundation
import IVRTestSupport
import Testing

/// Every broken fixture of the rule tests, through the CLI as CI runs it: errors exit 1 with
/// the intended rule in the report; warning-only fixtures exit 0, and 1 under `--strict`.
@Suite struct BrokenFixtureCLITests {
    static let errorFixtures = RuleFixture.all.filter(\.failsCheck)
    static let warningFixtures = RuleFixture.all.filter { !$0.failsCheck }

    @Test(arguments: errorFixtures)
    func errorFixtureExitsOneWithItsRule(_ fixture: RuleFixture) throws {
        let run = try CLITests.ivrc(["check"] + fixture.paths)
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[\(fixture.rule)]"), "\(fixture): \(run.stdout)")
    }

    /// The plan's first drafts break three rules; the loopback dials are errors.
    @Test func planTemplatesExitOneWithDialLoopback() throws {
        let run = try CLITests.ivrc(["check", RuleFixture.folder.appendingPathComponent("plan_templates.ivr").path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[dial-loopback]"), "\(run.stdout)")
    }

    @Test(arguments: warningFixtures)
    func warningFixtureFailsOnlyUnderStrict(_ fixture: RuleFixture) throws {
        let relaxed = try CLITests.ivrc(["check"] + fixture.paths)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning[\(fixture.rule)]"), "\(fixture): \(relaxed.stdout)")
        let strict = try CLITests.ivrc(["check", "--strict"] + fixture.paths)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains(fixture.rule))
    }

    @Test func bothKindsOfFixtureAreRun() {
        #expect(Self.errorFixtures.count >= 10 && Self.warningFixtures.count >= 5)
    }

    @Test func brokenFlowsWriteNoBundle() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-no-bundle-\(UUID().uuidString)").path
        let run = try CLITests.ivrc(["build", RuleFixture.folder.appendingPathComponent("recording_before_disclosure.ivr").path, "-o", output])
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func missingInputIsAnIOErrorExitTwo() throws {
        let run = try CLITests.ivrc(["check", "/nonexistent/flows"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no such file or directory"))
    }
}

/// Every subcommand's own options parse (ArgumentParser reports clashes only at run time).
@Suite struct SubcommandSmokeTests {
    static let examples = Repository.examples.path

    @Test(arguments: ["dot", "mermaid"])
    func graphDrawsTheExamples(_ format: String) throws {
        let run = try CLITests.ivrc(["graph", "--format", format, "\(Self.examples)/patient_intake.ivr"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("urgent"))
    }

    @Test func flowTestsOfTheExamplesPass() throws {
        let run = try CLITests.ivrc(["test", Self.examples])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("30 passed, 0 failed"))
    }

    @Test(arguments: ["check", "build", "test", "simulate", "graph", "rules", "explain"])
    func helpIsAvailable(_ subcommand: String) throws {
        let run = try CLITests.ivrc(["help", subcommand])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("USAGE"))
    }
}

@Suite struct InputSelectionTests {
    @Test func aFolderWithoutFlowsIsAnIOErrorNotAGreenRun() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let run = try CLITests.ivrc(["check", empty.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no .ivr files under"))
    }
}
