import Foundation
import Testing

/// `ivrc test --format …` reports a failed call test in that format, located at the test,
/// so CI turns it into an annotation; stdout holds the report alone.
@Suite struct TestFormatCLITests {
    static let flow = """
        flow line
          number +1-800-555-0157

          step start
            say "Hello."
            hangup

          test "the caller hears hello"
            expect say "Hello"

          test "the caller reaches the desk"
            expect dial +1-555-010-0200

        """

    static func test(format: String) throws -> CLITests.Run {
        var result: CLITests.Run?
        try HostileInputCLITests.withFile("line.ivr", Self.flow) { file in
            result = try CLITests.ivrc("test", "--format", format, file.path)
        }
        return try #require(result)
    }

    @Test func sarifHasTheFailedTestAsAResultAtItsLine() throws {
        let run = try Self.test(format: "sarif")
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("1 passed, 1 failed\n"))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let result = try #require(results.first)
        #expect(result["ruleId"] as? String == "test-failed")
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 11)
    }

    @Test func jsonHasTheFailedTest() throws {
        let run = try Self.test(format: "json")
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1 && diagnostics.first?["rule"] as? String == "test-failed")
        // Every test's result, passed or failed, at its line.
        let tests = try #require(report["tests"] as? [[String: Any]], "\(run.stdout)")
        #expect(tests.map { $0["test"] as? String } == ["the caller hears hello", "the caller reaches the desk"])
        #expect(tests.map { $0["status"] as? String } == ["passed", "failed"])
        #expect(tests.map { $0["line"] as? Int } == [8, 11])
        #expect(tests[0]["failure"] == nil && (tests[1]["failure"] as? String)?.isEmpty == false)
    }

    /// `--paths` says, per flow, how many paths it followed and which steps none of them
    /// entered within the depth, in text and in JSON.
    @Test func pathsListTheStepsNoPathEntered() throws {
        var text: CLITests.Run?
        var json: CLITests.Run?
        try HostileInputCLITests.withFile("line.ivr", """
            flow line
              number +1-800-555-0157

              step start
                menu
                  say "Press 1."
                  on 1 -> second
                  on timeout -> start
                  on invalid -> start

              step second
                menu
                  say "Press 1 again."
                  on 1 -> third
                  on timeout -> second
                  on invalid -> second

              step third
                say "Goodbye."
                hangup
            """) { file in
            text = try CLITests.ivrc("test", "--paths", "--depth", "1", file.path)
            json = try CLITests.ivrc("test", "--paths", "--depth", "1", "--format", "json", file.path)
        }
        let shown = try #require(text).stdout
        #expect(shown.contains(", 2 of 3 steps entered\n"), "\(shown)")
        #expect(shown.contains("line.ivr:18:8: step `third` is entered by no path within depth 1\n"), "\(shown)")
        let output = try #require(json).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let flow = try #require((report["tests"] as? [[String: Any]])?.first)
        #expect(flow["stepsNotReached"] as? [String] == ["third"])
        #expect((flow["pathsExplored"] as? Int ?? 0) > 0)
    }

    @Test func githubAnnotatesTheFailedTest() throws {
        let run = try Self.test(format: "github")
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file="))
        #expect(run.stdout.contains(",line=11,"))
        #expect(run.stdout.contains("title=test-failed::test \"the caller reaches the desk\" of flow `line` failed"))
    }

    @Test func textStillPrintsTheTranscriptAndTheSummary() throws {
        let run = try Self.test(format: "text")
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL line: the caller reaches the desk"))
        #expect(run.stdout.hasSuffix("1 passed, 1 failed\n"))
    }

    @Test(arguments: ["test-failed", "test-syntax", "path-problem"])
    func explainKnowsTheTestIDs(_ id: String) throws {
        let run = try CLITests.ivrc("explain", id)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("\(id) (error"))
    }
}
