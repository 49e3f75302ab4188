import Foundation
import Testing

/// Inputs built to make ivrc work or print without bound: the output is capped, the input
/// size limited, and the answer is a diagnostic or a one-line refusal.
@Suite struct HostileInputCLITests {
    static func withFile(_ name: String, _ contents: String, _ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try contents.write(to: file, atomically: true, encoding: .utf8)
        try body(file)
    }

    static let thousandErrors = "flow f\n  number +1-800-555-0100\n  step main\n    hangup" + String(repeating: " x", count: 1_000) + "\n"

    @Test(arguments: ["text", "json", "sarif", "github"])
    func aThousandDiagnosticsPrintTheFirstTwoHundredAndCountTheRest(_ format: String) throws {
        try Self.withFile("noisy.ivr", Self.thousandErrors) { file in
            let run = try CLITests.ivrc("check", "--format", format, file.path)
            #expect(run.status == 1)
            #expect(run.stderr == "ivrc: 800 more diagnostic(s) not shown; 1000 error(s), 0 warning(s) in all\n")
            let mentions = run.stdout.components(separatedBy: "is not an option of `hangup`").count - 1
            #expect(mentions == 200)
        }
    }

    @Test func formattingAnEndlessStandardInputIsRefusedAtTheSizeLimit() throws {
        let run = try CLITests.ivrc("fmt", "-", stdin: URL(fileURLWithPath: "/dev/zero"))
        #expect(run.status == 2)
        #expect(run.stderr == "ivrc: error: standard input is larger than 64 MB; is it really a flow?\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func importingAThousandLossyRecordsPrintsTwoHundredWarnings() throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n"
            + String(repeating: "<Record/>\n", count: 1_000) + "</Response>\n"
        try Self.withFile("records.xml", document) { file in
            let run = try CLITests.ivrc("import", file.path)
            #expect(run.status == 0)
            #expect(run.stderr.hasSuffix("ivrc: 801 more diagnostic(s) not shown; 0 error(s), 1001 warning(s) in all\n"))
            #expect(run.stdout.components(separatedBy: "record").count > 1_000)
        }
    }

    /// libxml2 reports failed encoding conversions on stderr by itself unless they are collected.
    @Test func aDocumentInAnotherEncodingIsRefusedWithoutLibxml2sOwnOutput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-encoding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("jis.xml")
        let declaration = Data("<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n<Response>".utf8)
        try (declaration + Data([0x1B, 0x16, 0x16, 0x80, 0xFF]) + Data("</Response>\n".utf8)).write(to: file)
        let run = try CLITests.ivrc("validate", file.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[unsafe-xml]: this file is in ISO-2022-JP, not UTF-8; it was refused"))
        #expect(run.stderr.isEmpty)
    }
}
