import Foundation
import Testing

/// `ivrc new` as a designer runs it: a checked, tested file and its CI workflow, nothing
/// replaced, nothing written when the values make a broken line.
@Suite struct NewCommandTests {
    func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aNewLineChecksBuildsAndIsNeverOverwritten() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("northwind.ivr").path
        let run = try CLITests.ivrc(["new", "fleet", "northwind", "--number", "+1-555-020-0500", "--set", "company=Northwind", "-o", file, "--ci"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("checks clean, 3 tests pass"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".github/workflows/ivrc.yml").path))
        #expect(try CLITests.ivrc(["check", "--strict", file]).status == 0)
        #expect(try CLITests.ivrc(["build", file, "-o", directory.appendingPathComponent("bundle").path]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let again = try CLITests.ivrc(["new", "general", "northwind", "--number", "+1-555-020-0501", "-o", file])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @Test func aLineThatDialsItselfIsNotWritten() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("loop.ivr").path
        let run = try CLITests.ivrc(["new", "fleet", "loop", "--number", "+1-555-020-0911", "-o", file])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[dial-loopback]"))
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    /// The README's three commands: `ivrc new … --env production`, edit, `ivrc build --env production`.
    @Test func deploymentValuesGoToTheEnvironmentsValuesFile() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lakeview.ivr").path
        let values = directory.appendingPathComponent("environments/production.toml").path
        let run = try CLITests.ivrc(["new", "healthcare", "lakeview", "--number", "+1-312-555-0140", "--set", "nurse=+1-312-555-0199",
                                     "--env", "production", "-o", file])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let flow = try String(contentsOfFile: file, encoding: .utf8)
        #expect(flow.contains("  number env.number\n") && flow.contains("env.nurse") && !flow.contains("+1-312-555-0199"))
        let written = try String(contentsOfFile: values, encoding: .utf8)
        #expect(written.contains("[lakeview]") && (written.contains("number = '+1-312-555-0140'") || written.contains("number = \"+1-312-555-0140\"")), "\(written)")
        #expect(written.contains("+1-312-555-0199"))
        let build = try CLITests.ivrc(["build", file, "--env", values, "-o", directory.appendingPathComponent("bundle").path, "--strict"])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let manifest = try String(contentsOfFile: directory.appendingPathComponent("bundle/manifest.json").path, encoding: .utf8)
        #expect(manifest.contains("+13125550140") && manifest.contains("\"production\""))

        // A second line's values join the same values file in its own table; the first line's stay.
        let again = try CLITests.ivrc(["new", "healthcare", "other", "--number", "+1-312-555-0141", "--env", "production",
                                       "-o", directory.appendingPathComponent("other.ivr").path])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        let shared = try String(contentsOfFile: values, encoding: .utf8)
        #expect(shared.hasPrefix(written) && shared.contains("[other]") && shared.contains("number = '+1-312-555-0141'"), "\(shared)")
        // Each line checks clean on its own against the shared file, the other line's table not "unused".
        for line in ["lakeview.ivr", "other.ivr"] {
            let check = try CLITests.ivrc(["check", directory.appendingPathComponent(line).path, "--env", values, "--strict"])
            #expect(check.status == 0, "\(line): \(check.stdout)\(check.stderr)")
        }
        // A line whose keys the file already holds is refused, and nothing is written.
        let clash = try CLITests.ivrc(["new", "healthcare", "other", "--number", "+1-312-555-0142", "--env", "production",
                                       "-o", directory.appendingPathComponent("other2.ivr").path])
        #expect(clash.status == 2 && clash.stderr.contains("already has `[other]`"), "\(clash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("other2.ivr").path))
        #expect(try String(contentsOfFile: values, encoding: .utf8) == shared)
    }

    @Test func aProductionNumberThatDialsItselfWritesNothing() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("loop.ivr").path
        let run = try CLITests.ivrc(["new", "fleet", "loop", "--number", "+1-555-020-0911", "--env", "production", "-o", file])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[dial-loopback]") && run.stdout.contains("production.toml"), "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("environments").path))
    }

    @Test func listsTemplatesAndRefusesUnknownOnes() throws {
        let list = try CLITests.ivrc(["new", "--list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("healthcare: a clinic line") && list.stdout.contains("--set nurse=…"))
        let unknown = try CLITests.ivrc(["new", "helthcare", "x", "--number", "+1-555-020-0500"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `healthcare`?"))
        let twice = try CLITests.ivrc(["new", "fleet", "x", "--number", "+1-555-020-0500", "--set", "company=a", "--set", "company=b"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("--set company is given twice"))
    }
}
