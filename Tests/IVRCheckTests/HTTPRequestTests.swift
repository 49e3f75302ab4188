import IVRCheck
import IVRLang
import Testing

/// `http-request`: its block's lines, its fields as values proved on every path.
@Suite struct HTTPRequestTests {
    static func flow(_ block: String, use: String = "{{eta}}") -> String {
        """
        flow dispatch
          number +1-800-555-0180

          step lookup
            http-request https://dispatch.example.com/loads method=POST -> announce
        \(block)
          step announce
            say "Your load arrives in \(use) minutes."
            hangup

        """
    }

    static func diagnostics(_ source: String) -> [Diagnostic] {
        RuleTesting.allDiagnostics([SourceFile(path: "t.ivr", text: source)])
    }

    @Test func fieldsAreValuesOfTheStepAfterTheAnswer() {
        #expect(Self.diagnostics(Self.flow("      field eta \"load.eta_minutes\" default=\"a few\"\n")).isEmpty)
        let failure = "      field eta \"load.eta_minutes\"\n      on failure\n        say \"The dispatch system is not answering.\"\n        hangup\n"
        #expect(Self.diagnostics(Self.flow(failure)).isEmpty, "\(RuleTesting.describe(Self.diagnostics(Self.flow(failure))))")
        let missing = Self.diagnostics(Self.flow("      field dock \"load.dock\"\n"))
        #expect(missing.map(\.id) == ["unknown-placeholder"])
        #expect(missing.first?.message == "`{{eta}}` names nothing the call provides here; the caller would hear nothing in its place")
    }

    @Test func aFieldUsedBeforeTheAnswerIsReportedWithThePathThatMissesIt() throws {
        let source = """
            flow dispatch
              number +1-800-555-0180

              step lookup
                say "Asking for {{eta}}."
                http-request https://dispatch.example.com/loads -> lookup
                  field eta "load.eta_minutes"
            """
        let finding = try #require(Self.diagnostics(source).first { $0.id == "unknown-placeholder" })
        #expect(finding.message == "`{{eta}}` is used where not every call has collected it")
        #expect(finding.notes.first?.message == "the call starts at `lookup` and gets here before anything collects `eta`")
    }

    @Test func badLinesMethodsAndAMissingTargetAreLocatedErrors() {
        let lines = Self.diagnostics(Self.flow("      header \"Content-Type\"\n      field 9x \"a\"\n      field eta \"a\"\n      field eta \"b\"\n"))
        #expect(lines.filter { $0.message.hasSuffix("is not a line of an `http-request`") }.map(\.span.start.line) == [6, 7])
        #expect(lines.contains { $0.id == "duplicate-key" && $0.span.start.line == 9 })
        let method = Self.diagnostics(Self.flow("      field eta \"a\" default=\"soon\"\n").replacingOccurrences(of: "method=POST", with: "method=PUT"))
        #expect(method.map(\.message) == ["`http-request` takes only `method=GET` or `method=POST`"])
        let noTarget = Self.diagnostics(Self.flow("      field eta \"a\"\n").replacingOccurrences(of: " -> announce", with: ""))
        #expect(noTarget.contains { $0.message == "`http-request` does not say where the call goes once the server answers" })
    }

    /// A field without a default is collected only when the answer holds it: where a failed
    /// lookup reaches its use, the note shows that path.
    @Test func aFieldWithoutDefaultIsMissingOnTheFailurePath() throws {
        let found = Self.diagnostics(Self.flow("      field eta \"load.eta_minutes\"\n"))
        let finding = try #require(found.first { $0.id == "unknown-placeholder" }, "\(RuleTesting.describe(found))")
        #expect(finding.message == "`{{eta}}` is used where not every call has collected it")
        #expect(finding.notes.first?.message == "reached from `lookup` by lookup failed to `announce`, without anything collecting `eta`")
        #expect(finding.help?.contains("give `field eta` a `default=\"…\"`") == true)
        let elsewhere = Self.diagnostics(Self.flow("      field eta \"load.eta_minutes\"\n      on failure -> announce\n"))
        #expect(elsewhere.map(\.id) == ["unknown-placeholder"], "\(RuleTesting.describe(elsewhere))")
    }

    @Test func theFailureLineIsAnEdgeOfItsOwn() throws {
        let source = Self.flow("      field eta \"load.eta_minutes\"\n      on failure -> desk\n")
            + "  step desk\n    dial +1-555-010-0300\n"
        let result = Checker.check([SourceFile(path: "t.ivr", text: source)])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        let flow = try #require(result.graph.flows.first)
        #expect(flow.exit(of: 0).edges.map { "\($0.label) \(flow.steps[$0.target].name)" } == ["answered by the server announce", "lookup failed desk"])
    }

    static let badLines: [(String, String, Int)] = [
        ("      field eta \"load eta\"\n", "without spaces", 6),
        ("      field eta \"load.eta\" default=\"{{From}}\"\n", "plain text", 6),
        ("      field eta \"load.eta\" fallback=\"soon\"\n", "only `default=\"TEXT\"`", 6),
        ("      field eta \"load.eta\"\n      on failure -> nowhere\n", "the steps of this flow", 7),
        ("      field eta \"load.eta\"\n      on failure -> announce\n      on failure -> announce\n", "already has an `on failure` line", 8),
        ("      field eta \"load.eta\"\n      on failure -> announce\n        hangup\n", "drop the `->`", 7),
        ("      field eta \"load.eta\" default=\"soon\"\n      on failure -> announce\n", "remove `default=`", 7),
    ]

    @Test(arguments: badLines)
    func badFieldAndFailureLinesAreLocatedErrors(_ block: String, _ help: String, _ line: Int) throws {
        let found = Self.diagnostics(Self.flow(block))
        let finding = try #require(found.first { $0.id != "unknown-placeholder" }, "\(RuleTesting.describe(found))")
        #expect(finding.span.start.line == line, "\(RuleTesting.describe(found))")
        #expect((finding.message + (finding.help ?? "")).contains(help), "\(finding.message) \(finding.help ?? "")")
    }
}
