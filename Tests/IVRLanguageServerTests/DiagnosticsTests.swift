import Foundation
import Testing

@Suite struct DiagnosticsTests {
    /// An unknown option after an emoji (two UTF-16 units, one scalar, four bytes) and an accent.
    static let emojiFlow = Flows.line("a", number: "+1-800-555-0157",
                                      welcome: "    say \"😀 é\" volumee=2\n    goto desk\n")

    @Test(arguments: [("utf-16", 15), ("utf-32", 14), ("utf-8", 18)])
    func theSquiggleIsOnTheSameCharactersInEveryEncoding(encoding: String, column: Int) throws {
        let harness = try ServerHarness()
        harness.initialize(encodings: [encoding])
        harness.open("a.ivr", Self.emojiFlow)
        let diagnostic = try #require(harness.diagnostics("a.ivr")?.first)
        #expect(range(diagnostic) == [5, column, 5, column + "volumee".count])
        #expect(diagnostic["source"] as? String == "ivrc")
        #expect(diagnostic["severity"] as? Int == 1)
    }

    @Test func aCleanDocumentIsPublishedEmptyWhenOpened() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157"))
        #expect(harness.diagnostics("a.ivr")?.isEmpty == true)
    }

    @Test func findingsCarryTheIdNotesAndTheUnnecessaryTag() throws {
        let harness = try ServerHarness()
        harness.initialize(options: ["ruleDocumentation": "https://docs.example.com/rules#"])
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157", welcome: "    hangup\n    say \"never\"\n"))
        let findings = try #require(harness.diagnostics("a.ivr"))
        let unreachable = try #require(findings.first { $0["code"] as? String == "unreachable-code" })
        #expect(unreachable["tags"] as? [Int] == [1])
        #expect(unreachable["severity"] as? Int == 2)
        #expect((unreachable["codeDescription"] as? [String: Any])?["href"] as? String == "https://docs.example.com/rules#unreachable-code")
    }

    @Test func aChangeInOneFileClearsTheOtherFilesFindings() throws {
        let harness = try ServerHarness(files: [
            "a.ivr": Flows.line("a", number: "+1-800-555-0157"),
            "b.ivr": Flows.line("b", number: "+1-800-555-0157"),
        ])
        harness.initialize()
        let related = try #require(harness.diagnostics("b.ivr")?.first { $0["code"] as? String == "duplicate-number" })
        #expect((related["relatedInformation"] as? [[String: Any]])?.isEmpty == false)
        // Reported once, at the second flow, with the first (in a.ivr) as related information.
        #expect((related["relatedInformation"] as? [[String: Any]])?.contains { (($0["location"] as? [String: Any])?["uri"] as? String)?.hasSuffix("a.ivr") == true } == true)
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157"))
        harness.change("a.ivr", Flows.line("a", number: "+1-800-596-3058"), version: 2)
        #expect(harness.diagnostics("a.ivr")?.isEmpty == true)
        #expect(harness.diagnostics("b.ivr")?.isEmpty == true)
    }

    @Test func unchangedFindingsAreNotPublishedAgain() throws {
        let harness = try ServerHarness(files: ["b.ivr": Flows.line("b", number: "+1-800-596-3059")])
        harness.initialize()
        harness.open("a.ivr", Self.emojiFlow)
        let before = harness.publications("b.ivr")
        harness.change("a.ivr", Self.emojiFlow + "\n", version: 2)
        #expect(harness.publications("b.ivr") == before)
    }

    @Test func theEnvironmentOptionChecksWithTheValuesFile() throws {
        let flow = Flows.line("a", number: "env.main_number")
        let harness = try ServerHarness(files: ["a.ivr": flow, "environments/staging.toml": "main_number = \"+1-800-555-0157\"\n"])
        harness.initialize(options: ["env": "staging"])
        harness.open("a.ivr", flow)
        #expect(harness.diagnostics("a.ivr")?.isEmpty == true)

        let missing = try ServerHarness(files: ["a.ivr": flow])
        missing.initialize(options: ["env": "nowhere"])
        #expect(missing.collector.messages.contains { $0["method"] as? String == "window/showMessage" })
    }
}
