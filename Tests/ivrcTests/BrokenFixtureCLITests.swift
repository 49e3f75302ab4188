import Foundation
import Testing

/// Every broken fixture of the rule tests, through the CLI as CI runs it: errors exit 1 with
/// the intended rule in the report; warning-only fixtures exit 0, and 1 under `--strict`.
@Suite struct BrokenFixtureCLITests {
    static let ruleFixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IVRCheckTests/Fixtures").path

    static let errorCases: [([String], String)] = [
        (["recording_before_disclosure.ivr"], "recording-disclosure"),
        (["no_emergency_step.ivr"], "emergency-route"),
        (["emergency_not_one_key_away.ivr"], "emergency-reachable"),
        (["emergency_without_fallback.ivr"], "emergency-live-dial"),
        (["dials_own_number.ivr"], "dial-loopback"),
        (["dial_cycle_a.ivr", "dial_cycle_b.ivr"], "dial-cycle"),
        (["duplicate_number.ivr"], "duplicate-number"),
        (["invalid_number.ivr"], "invalid-number"),
        (["silent_loop.ivr"], "silent-loop"),
        (["plan_templates.ivr"], "dial-loopback"),
        (["unknown_placeholder.ivr"], "unknown-placeholder"),
    ]

    static let warningCases: [(String, String)] = [
        ("unreachable_step.ivr", "unreachable-step"),
        ("unreachable_code.ivr", "unreachable-code"),
        ("menu_without_fallback.ivr", "menu-fallback"),
        ("gather_without_timeout.ivr", "gather-timeout"),
        ("recording_unsaved.ivr", "recording-unsaved"),
    ]

    @Test(arguments: errorCases)
    func errorFixtureExitsOneWithItsRule(_ files: [String], _ rule: String) throws {
        let run = try CLITests.ivrc(["check"] + files.map { "\(Self.ruleFixtures)/\($0)" })
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[\(rule)]"), "\(files): \(run.stdout)")
    }

    @Test(arguments: warningCases)
    func warningFixtureFailsOnlyUnderStrict(_ file: String, _ rule: String) throws {
        let path = "\(Self.ruleFixtures)/\(file)"
        let relaxed = try CLITests.ivrc(["check", path])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning[\(rule)]"), "\(file): \(relaxed.stdout)")
        let strict = try CLITests.ivrc(["check", "--strict", path])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains(rule))
    }

    @Test func brokenFlowsWriteNoBundle() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-no-bundle-\(UUID().uuidString)").path
        let run = try CLITests.ivrc(["build", "\(Self.ruleFixtures)/recording_before_disclosure.ivr", "-o", output])
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
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples").path

    @Test(arguments: ["dot", "mermaid"])
    func graphDrawsTheExamples(_ format: String) throws {
        let run = try CLITests.ivrc(["graph", "--format", format, "\(Self.examples)/patient_intake.ivr"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("urgent"))
    }

    @Test func flowTestsOfTheExamplesPass() throws {
        let run = try CLITests.ivrc(["test", Self.examples])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("22 passed, 0 failed"))
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
