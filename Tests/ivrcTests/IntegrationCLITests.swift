import Foundation
import Testing

/// The four features together through every command: one bilingual, hours-aware line whose
/// extension directory is a module with `env.` values, an http-request and a typed extension
/// (`Fixtures/integration/modular`), and the same line written inline (`…/inline`).
@Suite struct IntegrationCLITests {
    static let modular = "integration/modular"
    static let inline = "integration/inline"
    static let env = ["--env", "integration/staging.toml"]

    @Test func checkTestPathsFormatAndGraphAgree() throws {
        let check = try CLITests.ivrc(["check", "--strict", Self.modular] + Self.env)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let test = try CLITests.ivrc(["test", Self.modular] + Self.env)
        #expect(test.status == 0 && test.stdout.contains("2 passed, 0 failed"), "\(test.stdout)")
        #expect(try CLITests.ivrc(["test", "--paths", Self.modular] + Self.env).status == 0)
        #expect(try CLITests.ivrc(["fmt", "--check", "integration"]).status == 0)
        let graph = try CLITests.ivrc(["graph", Self.modular] + Self.env)
        #expect(graph.status == 0 && graph.stdout.contains("office open") && graph.stdout.contains("dir.start"), "\(graph.stdout)\(graph.stderr)")
        let noValues = try CLITests.ivrc(["graph", Self.modular])
        #expect(noValues.status == 1 && noValues.stdout.contains("error[undefined-value]"), "\(noValues.stdout)")
    }

    /// A Spanish caller's values fill the module's Spanish text; `--env` reaches `simulate`.
    @Test func simulateFillsTheModulesTranslationWithEnvAndParameterValues() throws {
        let run = try CLITests.ivrc(["simulate", Self.modular, "--at", "2026-12-01 10:00", "--press", "2"] + Self.env)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("document line/dir.start.es-MX.xml") && run.stdout.contains("Bienvenido a Acme en Springfield."), "\(run.stdout)")
    }

    @Test func theBuildRecordsTheSpanishDialsLanguageAndVoice() throws {
        let bundle = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-integration-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: bundle) }
        let build = try CLITests.ivrc(["build", Self.modular, "-o", bundle.path] + Self.env)
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: bundle.appendingPathComponent("manifest.json"))) as? [String: Any]
        let route = (manifest?["routes"] as? [String: Any])?["line/dir.connect.es-MX.xml"] as? [String: Any]
        #expect(route?["language"] as? String == "es-MX" && route?["voice"] as? String == "Polly.Mia", "\(route ?? [:])")
        let simulated = try CLITests.ivrc(["simulate", bundle.path, "--at", "2026-12-01 10:00", "--press", "2"])
        #expect(simulated.stdout.contains("Bienvenido a Acme en Springfield."), "\(simulated.stdout)\(simulated.stderr)")
        let refused = try CLITests.ivrc(["simulate", bundle.path, "--press", "2"] + Self.env)
        #expect(refused.status == 2 && refused.stderr.contains("--env applies to .ivr sources"), "\(refused.stderr)")
    }

    /// Taking steps into a module renames them (`dir_start` → `dir.start`): nothing changes for callers.
    @Test func theModuleAndTheInlineLineAreTheSameForCallers() throws {
        let diff = try CLITests.ivrc(["diff", "--exit-code", Self.inline, Self.modular] + Self.env)
        #expect(diff.status == 0 && diff.stdout.contains("no change for callers"), "\(diff.stdout)\(diff.stderr)")
    }

    static let badSchedules: [(lines: String, expected: String)] = [
        ("  schedule office \"America/Chicgo\"\n    open mon-fri 8:00-17:00", "line.ivr:4:19: error[unknown-time-zone]: `America/Chicgo` is not a time zone"),
        ("  schedule office \"UTC\"\n    open mon-fri 8:00-25:00", "line.ivr:5:"),
        ("  schedule office \"UTC\"\n    open mon 8:00-9:00\n    closed 2026-02-30 \"Not a day\"", "line.ivr:6:"),
    ]

    /// Malformed schedules through `ivrc check`: each a located error, exit 1.
    @Test(arguments: badSchedules.indices)
    func aBadScheduleLineIsALocatedError(_ index: Int) throws {
        let flow = """
            flow line
              number +1-800-555-0304

            \(Self.badSchedules[index].lines)

              step lobby
                hours office
                  on open -> reception
                  on closed -> reception

              step reception
                dial +1-555-010-0300
            """
        try FormatCommandTests.withFiles(["line.ivr": flow]) { directory in
            let run = try CLITests.ivrc("check", directory.appendingPathComponent("line.ivr").path)
            #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains(Self.badSchedules[index].expected) && run.stdout.contains("error["), "\(run.stdout)")
        }
    }
}
