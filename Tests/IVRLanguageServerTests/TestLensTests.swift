import Foundation
import Testing

/// "▶ run test" lenses and the commands they run: the same runtime as `ivrc test`, on the text
/// the editor holds, answered with a result and shown with `window/showMessage`.
@Suite struct TestLensTests {
    /// `Flows.line` with a test on line 11 that passes and one on line 13 that fails.
    static let twoTests = Flows.line("a", number: "+1-800-555-0157")
        .replacingOccurrences(of: "test \"reaches the desk\"\n    expect step desk", with: "test \"dials the desk\"\n    expect dial +1-555-010-0200")
        + "  test \"says goodbye\"\n    expect say \"Goodbye.\"\n"

    static func started(_ text: String = twoTests) throws -> ServerHarness {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", text)
        return harness
    }

    static func run(_ harness: ServerHarness, _ arguments: [Any], command: String = "ivrc.runTest") -> [String: Any] {
        harness.request("workspace/executeCommand", ["command": command, "arguments": arguments])
    }

    static func shown(_ harness: ServerHarness, _ method: String = "window/showMessage") -> [String: Any]? {
        harness.collector.messages.last { $0["method"] as? String == method }?["params"] as? [String: Any]
    }

    @Test func everyTestGetsALensAndTheFirstRunsThemAll() throws {
        let harness = try Self.started()
        let lenses = try #require(harness.request("textDocument/codeLens", ["textDocument": ["uri": harness.uri("a.ivr")]])["result"]
            as? [[String: Any]])
        let commands = lenses.compactMap { $0["command"] as? [String: Any] }
        #expect(commands.map { $0["title"] as? String } == ["▶ run all tests", "▶ run test", "▶ run test"])
        #expect(commands.map { $0["command"] as? String } == ["ivrc.runTests", "ivrc.runTest", "ivrc.runTest"])
        #expect(commands[2]["arguments"] as? [String] == [harness.uri("a.ivr"), "says goodbye"])
        #expect(commands[0]["arguments"] as? [String] == [harness.uri("a.ivr")])
        // Each lens spans its `test "…"` line.
        #expect(lenses.map(range) == [[11, 2, 11, 23], [11, 2, 11, 23], [13, 2, 13, 21]])
        let capabilities = try #require((harness.collector.messages.first?["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        #expect((capabilities["executeCommandProvider"] as? [String: Any])?["commands"] as? [String] == ["ivrc.runTest", "ivrc.runTests"])
    }

    @Test func aPassingTestIsAnsweredAndShown() throws {
        let harness = try Self.started()
        let result = try #require(Self.run(harness, [harness.uri("a.ivr"), "dials the desk"])["result"] as? [String: Any])
        #expect(result["passed"] as? Int == 1 && result["failed"] as? Int == 0)
        let test = try #require((result["tests"] as? [[String: Any]])?.first)
        #expect(test["flow"] as? String == "a" && test["passed"] as? Bool == true && test["failure"] == nil)
        #expect(range(try #require(test["location"] as? [String: Any])).first == 11)
        #expect(Self.shown(harness)?["type"] as? Int == 3)
        #expect(Self.shown(harness)?["message"] as? String == "ivrc test: 1 passed, 0 failed: \"dials the desk\"")
        #expect((Self.shown(harness, "window/logMessage")?["message"] as? String)?.hasPrefix("ok   a: dials the desk\n") == true)
    }

    @Test func aFailureSaysWhereWithTheTranscriptInTheLog() throws {
        let harness = try Self.started()
        let result = try #require(Self.run(harness, [harness.uri("a.ivr")], command: "ivrc.runTests")["result"] as? [String: Any])
        #expect(result["passed"] as? Int == 1 && result["failed"] as? Int == 1)
        let failure = try #require((result["tests"] as? [[String: Any]])?.last?["failure"] as? String)
        let path = try #require(URL(string: harness.uri("a.ivr"))?.path)
        #expect(failure.hasPrefix("\(path):15:5: `expect say \"Goodbye.\"` did not happen"), "\(failure)")
        #expect(Self.shown(harness)?["type"] as? Int == 1)
        #expect((Self.shown(harness)?["message"] as? String)?.contains("FAIL a: says goodbye: \(path):15:5") == true)
        let log = try #require(Self.shown(harness, "window/logMessage")?["message"] as? String)
        #expect(log.contains("FAIL a: says goodbye\n") && log.contains("  transcript:\n") && log.hasSuffix("1 passed, 1 failed"))
    }

    @Test func theEditorsTextIsWhatRuns() throws {
        let harness = try Self.started()
        harness.change("a.ivr", Self.twoTests.replacingOccurrences(of: "say \"Welcome.\"", with: "say \"Goodbye.\""), version: 2)
        let result = try #require(Self.run(harness, [harness.uri("a.ivr"), "says goodbye"])["result"] as? [String: Any])
        #expect(result["passed"] as? Int == 1 && result["failed"] as? Int == 0)
    }

    @Test func badCommandsAreRefusedPerTheSpecification() throws {
        let harness = try Self.started()
        let uri = harness.uri("a.ivr")
        #expect(Self.run(harness, [uri], command: "ivrc.formatDisk").errorCode == -32602)
        #expect(Self.run(harness, [uri]).errorCode == -32602)
        #expect(Self.run(harness, [uri, 7]).errorCode == -32602)
        #expect(Self.run(harness, [uri, "says goodbye"], command: "ivrc.runTests").errorCode == -32602)
        #expect(harness.request("workspace/executeCommand", ["arguments": [uri]]).errorCode == -32602)
        // A test renamed since the lenses were drawn, a document the server never saw.
        #expect(Self.run(harness, [uri, "reaches the front desk"]).errorCode == -32803)
        #expect(Self.run(harness, [harness.uri("never.ivr"), "dials the desk"]).errorCode == -32803)
        #expect(Self.run(harness, ["https://example.com/a.ivr", "dials the desk"]).errorCode == -32602)
        #expect(Self.shown(harness) == nil)
        // The server still answers.
        #expect(Self.run(harness, [uri, "dials the desk"])["result"] != nil)
    }

    @Test func flowsWithErrorsOrMalformedTestsDoNotRun() throws {
        let harness = try Self.started(Flows.line("a", number: "+1-800-555-0157", welcome: "    goto nowhere\n"))
        let refused = Self.run(harness, [harness.uri("a.ivr"), "reaches the desk"])
        #expect(refused.errorCode == -32803)
        #expect(((refused["error"] as? [String: Any])?["message"] as? String)?.contains("a.ivr:6:10") == true, "\(refused)")
        harness.change("a.ivr", Flows.line("a", number: "+1-800-555-0157") + "  test \"vague\"\n    expect weather\n", version: 2)
        let malformed = Self.run(harness, [harness.uri("a.ivr"), "vague"])
        #expect(malformed.errorCode == -32803)
        #expect(((malformed["error"] as? [String: Any])?["message"] as? String)?.contains("a.ivr:15:12: `expect` needs") == true, "\(malformed)")
        #expect(Self.run(harness, [harness.uri("a.ivr"), "reaches the desk"])["result"] != nil)
    }
}
