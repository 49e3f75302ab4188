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

    /// `{{env.KEY}}` inside a URL or a SIP target is filled like text, then the result is read
    /// as if written there: a value that breaks the address is a located error.
    @Test func environmentValuesFillURLsAndSIPTargets() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let flow = directory.appendingPathComponent("lookup.ivr")
        try """
            flow lookup
              number +1-800-555-0404

              step start
                http-request https://{{env.ehr_host}}/patients method=GET -> route
                  field status "patient.status" default="unknown"

              step route
                say "Your status is {{status}}."
                refer sip:{{env.desk}}@pbx.example.com
            """.write(to: flow, atomically: true, encoding: .utf8)
        let values = directory.appendingPathComponent("environments")
        try "ehr_host = \"ehr.clinic.example.com\"\ndesk = \"frontdesk\"\n"
            .write(to: values.appendingPathComponent("clinic.toml"), atomically: true, encoding: .utf8)
        try "ehr_host = \"ehr.clinic.example.com\"\ndesk = \"front desk\"\n"
            .write(to: values.appendingPathComponent("spaced.toml"), atomically: true, encoding: .utf8)
        try "ehr_host = \"ehr.clinic.example.com\"\ndesk = \"front@desk\"\n"
            .write(to: values.appendingPathComponent("at.toml"), atomically: true, encoding: .utf8)
        let bundle = directory.appendingPathComponent("bundle")
        let built = try CLITests.ivrc(["build", flow.path, "--env", values.path + "/clinic.toml", "-o", bundle.path])
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        let start = try String(contentsOf: bundle.appendingPathComponent("lookup/start.xml"), encoding: .utf8)
        let route = try String(contentsOf: bundle.appendingPathComponent("lookup/route.xml"), encoding: .utf8)
        #expect(start.contains("url=\"https://ehr.clinic.example.com/patients\""), "\(start)")
        #expect(route.contains("<Sip>sip:frontdesk@pbx.example.com</Sip>"), "\(route)")

        let spaced = try CLITests.ivrc(["check", flow.path, "--env", values.path + "/spaced.toml"])
        #expect(spaced.status == 1)
        #expect(spaced.stdout.contains("lookup.ivr:10:11: error[invalid-value]: `sip:{{env.desk}}@pbx.example.com` filled is `sip:front desk@pbx.example.com`"),
                "\(spaced.stdout)")
        // Filled with a second `@`, the target is no SIP target: refused here, not by the compiler's schema check.
        let twoAts = try CLITests.ivrc(["build", flow.path, "--env", values.path + "/at.toml", "-o", bundle.path + "-at"])
        #expect(twoAts.status == 1)
        #expect(twoAts.stdout.contains("lookup.ivr:10:11: error[invalid-value]: `sip:{{env.desk}}@pbx.example.com` filled is `sip:front@desk@pbx.example.com`"),
                "\(twoAts.stdout)\(twoAts.stderr)")
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
