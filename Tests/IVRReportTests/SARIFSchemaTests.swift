import Foundation
import IVRCheck
import IVRReport
import Testing

/// The SARIF log validated against the official OASIS SARIF 2.1.0 JSON schema
/// (`Fixtures/sarif-schema-2.1.0.json`) with python's `jsonschema`.
@Suite struct SARIFSchemaTests {
    static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("jsonschema is not installed"); sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        log = json.load(open(sys.argv[2]))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
        for error in errors:
            print("/".join(map(str, error.path)), error.message)
        sys.exit(1 if errors else 0)
        """

    /// Runs the validator; nil when python3 or jsonschema is missing, otherwise (status, output).
    static func validate(_ sarif: String) throws -> (Int32, String)? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("ivrc.sarif")
        try Data(sarif.utf8).write(to: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", validator,
                             BrokenFixture.folder.appendingPathComponent("sarif-schema-2.1.0.json").path, log.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return nil }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 { return nil }
        return (process.terminationStatus, text)
    }

    @Test func brokenFixtureLogIsValidSARIF() throws {
        let sarif = BrokenFixture.sarif(try BrokenFixture.load().diagnostics)
        let outcome = try Self.validate(sarif)
        try #require(outcome != nil, "python3 with jsonschema is needed to validate SARIF; install it (pip install jsonschema)")
        #expect(outcome?.0 == 0, "SARIF schema violations:\n\(outcome?.1 ?? "")")
    }

    @Test func emptyLogIsValidSARIF() throws {
        let outcome = try Self.validate(BrokenFixture.sarif([]))
        try #require(outcome != nil, "python3 with jsonschema is needed to validate SARIF")
        #expect(outcome?.0 == 0, "SARIF schema violations:\n\(outcome?.1 ?? "")")
    }

    @Test func validatorRejectsAnInvalidLog() throws {
        let outcome = try Self.validate(#"{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}"#)
        try #require(outcome != nil, "python3 with jsonschema is needed to validate SARIF")
        #expect(outcome?.0 == 1)
    }

    @Test func everyResultPointsAtItsRule() throws {
        let sarif = BrokenFixture.sarif(try BrokenFixture.load().diagnostics)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.count == Set(ids).count)
        #expect(Set(ids).isSuperset(of: DiagnosticCatalog.all(rules: BrokenFixture.rules).map(\.id)))
    }
}
