import Foundation
import IVRTestSupport
import Testing

/// Languages through the command line: the rules' findings and exit codes, the bilingual
/// flow's tests and paths, the diagram's labels, the formatter and the simulator.
@Suite struct LanguageCommandTests {
    static let bilingual = Repository.tests("TeXMLEmitTests/Golden/bilingual.ivr").path

    /// The bilingual flow with one edit, written to a temporary file.
    static func edited(_ from: String, _ to: String) throws -> URL {
        let text = try String(contentsOfFile: bilingual, encoding: .utf8)
        #expect(text.contains(from))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-languages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("bilingual.ivr")
        try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func theBilingualFlowChecksTestsAndExploresClean() throws {
        let check = try CLITests.ivrc(["check", Self.bilingual])
        #expect(check.status == 0 && check.stdout.contains("1 flow, 0 errors, 0 warnings"), "\(check.stdout)")
        let test = try CLITests.ivrc(["test", Self.bilingual])
        #expect(test.status == 0 && test.stdout.contains("3 passed, 0 failed"), "\(test.stdout)")
        let paths = try CLITests.ivrc(["test", "--paths", Self.bilingual])
        #expect(paths.status == 0, "\(paths.stdout)")
    }

    @Test func aMissingTranslationFailsTheCheckAtThePrompt() throws {
        let file = try Self.edited("      es-MX \"Le comunicamos con la enfermera.\"\n", "")
        let run = try CLITests.ivrc(["check", file.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("bilingual.ivr:31:5: error[missing-translation]: `say \"Connecting you to the nurse.\"` has no es-MX text"),
                "\(run.stdout)")
    }

    @Test func aDisclosureOnlyInEnglishFailsOnTheSpanishPath() throws {
        let file = try Self.edited("    disclose \"This call is recorded for your medical record.\"\n      es-MX \"Esta llamada se graba para su expediente médico.\"\n",
                                   "    say \"One moment.\"\n      es-MX \"Un momento.\"\n")
        let moved = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "  step welcome\n", with: "  step welcome\n    disclose \"This call is recorded for your medical record.\"\n")
        try moved.write(to: file, atomically: true, encoding: .utf8)
        let run = try CLITests.ivrc(["check", file.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[recording-disclosure]: `record` starts recording before the caller has heard a recording disclosure in es-MX"),
                "\(run.stdout)")
    }

    @Test func anUndeclaredLanguageIsAFrontEndError() throws {
        let file = try Self.edited("languages en-US es-MX", "languages en-US")
        let run = try CLITests.ivrc(["check", file.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[undeclared-language]: `es-MX` is not one of this flow's languages"), "\(run.stdout)")
    }

    @Test func theDiagramLabelsTheLanguageChoice() throws {
        let run = try CLITests.ivrc(["graph", Self.bilingual])
        #expect(run.status == 0)
        #expect(run.stdout.contains("press 1, press 2, es-MX"), "\(run.stdout)")
    }

    @Test func theFormatterKeepsTheBilingualFlowAsWritten() throws {
        let run = try CLITests.ivrc(["fmt", "--check", Self.bilingual])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func theSimulatorSpeaksTheChosenLanguage() throws {
        let run = try CLITests.ivrc(["simulate", Self.bilingual, "--press", "2,1"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Para citas") && run.stdout.contains("Deje un mensaje"), "\(run.stdout)")
    }
}
