import Foundation
import IVRTestSupport
import Testing

/// `ivrc validate` and `ivrc import` as CI runs them: exit 0 clean, 1 for findings (a refused
/// file included), 2 for usage and I/O errors.
@Suite struct TeXMLCommandTests {
    @Test func validateReportsInEveryFormat() throws {
        for format in ["text", "json", "sarif", "github"] {
            let run = try CLITests.ivrc("validate", "--format", format, "--number", "+18005550157", "texml/plan_patient_intake.xml")
            #expect(run.status == 1, "\(format)")
            #expect(run.stdout.contains("dial-loopback"), "\(format)")
        }
    }

    @Test func validateQuotesTheLine() throws {
        let run = try CLITests.ivrc("validate", "--number", "+18005550157", "texml/plan_patient_intake.xml")
        #expect(run.stdout.contains("texml/plan_patient_intake.xml:5:5: error[texml-schema]: <Say> cannot go inside <Record>"))
        #expect(run.stdout.contains(" 8 |     <Number>+18005550157</Number>"))
    }

    @Test func refusedFileExitsOne() throws {
        let run = try CLITests.ivrc("validate", "texml/xxe.xml")
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[unsafe-xml]"))
        #expect(!run.stdout.contains("root:"))
    }

    @Test func missingFileIsAUsageError() throws {
        #expect(try CLITests.ivrc("validate", "texml/nothing.xml").status == 2)
        #expect(try CLITests.ivrc("import", "texml/nothing.xml").status == 2)
        #expect(try CLITests.ivrc("validate", "--number", "18005550157", "texml/xxe.xml").status == 2)
    }

    @Test func importWritesAFlow() throws {
        let run = try CLITests.ivrc("import", "--number", "+18005550157", "texml/plan_patient_intake.xml")
        #expect(run.status == 0)
        #expect(run.stdout.contains("flow plan_patient_intake\n  number +18005550157\n"))
        #expect(run.stderr.contains("warning[import-lossy]"))

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-import-\(UUID().uuidString).ivr")
        defer { try? FileManager.default.removeItem(at: output) }
        let written = try CLITests.ivrc("import", "--name", "intake", "-o", output.path, "texml/plan_patient_intake.xml")
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOf: output, encoding: .utf8).contains("flow intake\n"))
        #expect(try CLITests.ivrc("import", "texml/xxe.xml").status == 1)
    }

    @Test func builtBundleValidatesAndImportsThroughItsManifest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let examples = Repository.examples.appendingPathComponent("patient_intake.ivr")
        #expect(try CLITests.ivrc("build", examples.path, "-o", directory.path).status == 0)
        let flowDirectory = directory.appendingPathComponent("patient_intake")
        let documents = try FileManager.default.contentsOfDirectory(atPath: flowDirectory.path).sorted()
            .map { flowDirectory.appendingPathComponent($0).path }
        let validated = try CLITests.ivrc(["validate"] + documents)
        #expect(validated.status == 0, "\(validated.stdout)")
        let imported = try CLITests.ivrc(["import"] + documents)
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("flow patient_intake\n  number +18005550157\n  industry healthcare\n"))
        #expect(imported.stdout.contains("    menu language=en-US timeout=5s\n"))
        // The emergency marker, the lookup's failure route and the branch's lines come back,
        // each to the step the bundle leads to, so the imported flow is held to the same rules.
        #expect(imported.stdout.contains("  step urgent emergency\n"))
        #expect(imported.stdout.contains("      on failure -> front_desk\n"), "\(imported.stdout)")
        #expect(imported.stdout.contains("      on \"active\" \"returning\" -> patient_route_case1\n"), "\(imported.stdout)")
        let flow = directory.appendingPathComponent("imported.ivr")
        try imported.stdout.write(to: flow, atomically: true, encoding: .utf8)
        let checked = try CLITests.ivrc("check", flow.path)
        #expect(checked.status == 0 && checked.stdout.hasSuffix("1 flow, 0 errors, 0 warnings\n"), "\(checked.stdout)")
    }

    /// A bundle `check` proved compliant validates clean: its recordings are reached through an
    /// `hours` route after the disclosure, which validate follows; the directory itself is an input.
    @Test func aBundleDirectoryWithHoursValidatesClean() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let examples = CLITests.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/dental_office.ivr")
        #expect(try CLITests.ivrc("check", examples.path).status == 0)
        #expect(try CLITests.ivrc("build", examples.path, "-o", directory.path).status == 0)
        let validated = try CLITests.ivrc("validate", directory.path)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        #expect(!validated.stdout.contains("recording-disclosure"))
        let documents = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("dental_office").path).sorted()
            .map { directory.appendingPathComponent("dental_office/" + $0).path }
        let imported = try CLITests.ivrc(["import"] + documents)
        #expect(imported.stdout.contains("    closed 2026-12-25 \"Christmas\"\n"), "\(imported.stdout)")
        let notABundle = try CLITests.ivrc("validate", directory.appendingPathComponent("dental_office").path)
        #expect(notABundle.status == 2 && notABundle.stderr.contains("without a manifest.json"), "\(notABundle.stderr)")
    }

    @Test func newIDsAreExplained() throws {
        for id in ["unsafe-xml", "twiml-only", "missing-action", "import-lossy"] {
            let run = try CLITests.ivrc("explain", id)
            #expect(run.status == 0, "\(id)")
        }
    }
}
