import Foundation
import Testing

/// Issue 19's bad input through the command line: each is a located error with its fix and
/// exit 1, never an internal error.
@Suite struct ValueBranchCLITests {
    static let lookup = """
        flow line
          number +1-800-555-0404

          step start
            http-request https://ehr.example.com/patients method=GET -> route
              field status "patient.status"
              on failure -> desk

        """
    static let desk = "\n  step desk\n    dial +1-555-010-0200\n"

    /// (what is wrong, the source, where the error points)
    static let bad: [(String, String, String)] = [
        ("an undeclared value", lookup + "  step route\n    branch {{stauts}}\n      on \"active\" -> desk\n      on other -> desk\n" + desk,
         "9:14"),
        ("a value collected on some paths only", lookup.replacingOccurrences(of: "on failure -> desk", with: "on failure -> route")
            + "  step route\n    branch {{status}}\n      on \"active\" -> desk\n      on other -> desk\n" + desk, "9:14"),
        ("no `on other`", lookup + "  step route\n    branch {{status}}\n      on \"active\" -> desk\n" + desk, "9:5"),
        ("`on above abc`", lookup + "  step route\n    branch {{status}}\n      on above abc -> desk\n      on other -> desk\n" + desk,
         "10:16"),
        ("a block and `->` on one line",
         lookup + "  step route\n    branch {{status}}\n      on \"active\" -> desk\n        say \"Hi.\"\n      on other -> desk\n" + desk,
         "10:7"),
        ("a module parameter", "flow line\n  number +1-800-555-0404\n\n  step start\n    say \"Hi.\"\n    goto m.route\n\n  use m status=\"active\"\n\n"
            + "module m\n  param status string\n\n  step route\n    branch {{param.status}}\n      on other -> done\n\n  step done\n    hangup\n",
         "14:12"),
        ("a field path with spaces", lookup.replacingOccurrences(of: "\"patient.status\"", with: "\"patient status\"")
            + "  step route\n    say \"{{status}}\"\n" + desk, "6:20"),
        ("a default with a placeholder", lookup.replacingOccurrences(of: "\"patient.status\"", with: "\"patient.status\" default=\"{{From}}\"")
            .replacingOccurrences(of: "      on failure -> desk\n", with: "") + "  step route\n    say \"{{status}}\"\n", "6:45"),
    ]

    @Test(arguments: bad.indices)
    func badInputIsALocatedErrorWithItsFix(_ index: Int) throws {
        let (what, source, location) = Self.bad[index]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-branch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("line.ivr")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let run = try CLITests.ivrc(["check", file.path])
        #expect(run.status == 1, "\(what): \(run.stdout)\(run.stderr)")
        let error = run.stdout.split(separator: "\n").first { $0.hasPrefix("\(file.path):\(location): error[") }
        #expect(error != nil, "\(what): \(run.stdout)")
        #expect(run.stdout.contains("  help: "), "\(what): \(run.stdout)")
        #expect(!run.stdout.contains("internal") && run.stderr.isEmpty, "\(what): \(run.stdout)\(run.stderr)")
    }

    @Test func respondFailedWhereNoLookupIsPendingFailsTheTest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-branch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("line.ivr")
        try """
            flow line
              number +1-800-555-0404

              step start
                say "Hello."
                dial +1-555-010-0200

              test "no lookup here"
                respond failed
                expect dial +1-555-010-0200
            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try CLITests.ivrc(["test", file.path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("respond failed"), "\(run.stdout)")
        #expect(!run.stdout.contains("internal"))
    }
}
