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
        #expect(Self.diagnostics(Self.flow("      field eta \"load.eta_minutes\"\n")).isEmpty)
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
        let method = Self.diagnostics(Self.flow("      field eta \"a\"\n").replacingOccurrences(of: "method=POST", with: "method=PUT"))
        #expect(method.map(\.message) == ["`http-request` takes only `method=GET` or `method=POST`"])
        let noTarget = Self.diagnostics(Self.flow("      field eta \"a\"\n").replacingOccurrences(of: " -> announce", with: ""))
        #expect(noTarget.contains { $0.message == "`http-request` does not say where the call goes once the server answers" })
    }
}
