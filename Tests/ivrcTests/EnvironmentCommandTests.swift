import Foundation
import Testing

/// `--env` through the command line: values files found by name, the manifest records them,
/// a broken or missing values file is an I/O error.
@Suite struct EnvironmentCommandTests {
    func project() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("environments"), withIntermediateDirectories: true)
        try """
            flow line
              number env.line

              step start
                say "Welcome to {{env.company}}."
                dial env.desk
                hangup
            """.write(to: directory.appendingPathComponent("line.ivr"), atomically: true, encoding: .utf8)
        try "line = \"+1-555-030-0100\"\ncompany = \"Contoso\"\ndesk = \"+1-555-030-0200\"\n"
            .write(to: directory.appendingPathComponent("environments/staging.toml"), atomically: true, encoding: .utf8)
        try "line = \"+1-555-030-0100\"\ncompany = \"Contoso\"\ndesk = \"+1-555-030-0100\"\n"
            .write(to: directory.appendingPathComponent("environments/production.toml"), atomically: true, encoding: .utf8)
        try "line = [\n".write(to: directory.appendingPathComponent("environments/broken.toml"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func eachEnvironmentIsCheckedAndBuiltWithItsValues() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let flow = directory.appendingPathComponent("line.ivr").path
        let values = directory.appendingPathComponent("environments").path
        #expect(try CLITests.ivrc(["check", flow, "--env", values + "/staging.toml"]).status == 0)
        let production = try CLITests.ivrc(["check", flow, "--env", values + "/production.toml"])
        #expect(production.status == 1)
        #expect(production.stdout.contains("error[dial-loopback]"))
        let bundle = directory.appendingPathComponent("bundle").path
        #expect(try CLITests.ivrc(["build", flow, "--env", values + "/staging.toml", "-o", bundle]).status == 0)
        let manifest = try String(contentsOfFile: bundle + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"name\" : \"staging\""))
        let none = try CLITests.ivrc(["check", flow])
        #expect(none.status == 1 && none.stdout.contains("error[undefined-value]"))
    }

    @Test func aValuesFileThatIsNotTOMLOrMissingIsAnIOError() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let flow = directory.appendingPathComponent("line.ivr").path
        let broken = try CLITests.ivrc(["check", flow, "--env", directory.appendingPathComponent("environments/broken.toml").path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.toml:1:"), "\(broken.stderr)")
        let missing = try CLITests.ivrc(["check", flow, "--env", "nowhere"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("environments/nowhere.toml: cannot read the values of environment `nowhere`"), "\(missing.stderr)")
    }

    @Test func diffComparesBothSidesWithTheChosenEnvironment() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("line.ivr").path
        let new = directory.appendingPathComponent("changed.ivr").path
        try String(contentsOfFile: old, encoding: .utf8).replacingOccurrences(of: "dial env.desk", with: "dial env.desk timeout=25s")
            .write(toFile: new, atomically: true, encoding: .utf8)
        let values = directory.appendingPathComponent("environments").path
        let without = try CLITests.ivrc(["diff", old, new])
        #expect(without.status == 1 && without.stdout.contains("error[undefined-value]"), "\(without.stdout)")
        let staging = try CLITests.ivrc(["diff", old, new, "--env", values + "/staging.toml"])
        #expect(staging.status == 0, "\(staging.stdout)\(staging.stderr)")
        #expect(staging.stdout.contains("+15550300200") && staging.stdout.contains("25"), "\(staging.stdout)")
        #expect(try CLITests.ivrc(["diff", old, old, "--env", values + "/staging.toml"]).stdout == "no change for callers\n")
        let production = try CLITests.ivrc(["diff", old, new, "--env", values + "/production.toml"])
        #expect(production.status == 1 && production.stdout.contains("error[dial-loopback]"), "\(production.stdout)")
    }
}
