import IVRCheck
@testable import IVRRuntime
import IVRTestSupport
import Testing

/// Calls in a chosen language: `test` expectations see the text in the call's language, and
/// the path explorer follows every language's documents.
@Suite struct LanguageRuntimeTests {
    static func source(voicemail: String, tests: String) -> String {
        """
        flow clinic
          number +1-800-555-0157
          languages en-US es-MX

          step welcome
            menu
              say "For English, press 1."
                es-MX "Para español, oprima 2."
              on 1 -> voicemail
              on 2 language=es-MX -> voicemail
              on timeout -> voicemail
              on invalid -> voicemail

          step voicemail
        \(voicemail)
            say "Leave a message."
              es-MX "Deje un mensaje."
            record max=60s beep
        \(tests)
        """
    }

    static let disclose = "    disclose \"This call is recorded.\"\n      es-MX \"Esta llamada se graba.\""

    func outcomes(_ tests: String) throws -> [TestOutcome] {
        let result = Examples.check(Self.source(voicemail: Self.disclose, tests: tests))
        let program = try CallProgram.compiled(result.graph)
        return Examples.tests(result.graph).map { FlowTestRunner.run($0, in: program) }
    }

    @Test func aSpanishCallHearsSpanish() throws {
        let results = try outcomes("""

              test "Spanish"
                press 2
                expect say "Esta llamada se graba"
                expect say "Deje un mensaje"
                expect record
                expect no say "Leave a message"
            """)
        let outcome = try #require(results.first)
        #expect(outcome.passed, "\(outcome.failure ?? "")")
        #expect(outcome.transcript.contains(.document(path: "clinic/voicemail.es-MX.xml", step: "voicemail")))
    }

    @Test func anEnglishExpectationFailsOnTheSpanishPath() throws {
        let results = try outcomes("""

              test "Spanish heard as English"
                press 2
                expect say "Leave a message"
            """)
        let failure = try #require(results.first?.failure)
        #expect(failure.contains("Leave a message"), "\(failure)")
    }

    /// With no disclosure anywhere, the explorer finds the recording in both languages'
    /// documents: it walked both.
    @Test func pathsExploreEveryLanguage() throws {
        let result = Examples.check(Self.source(voicemail: "", tests: ""))
        let program = try CallProgram.compiled(result.graph)
        let report = PathExplorer.explore(program, flow: "clinic")
        let documents = Set(report.problems.filter { $0.kind == .recordsBeforeDisclosure }.map(\.document))
        #expect(documents == ["clinic/voicemail.xml", "clinic/voicemail.es-MX.xml"], "\(report.problems)")
    }
}
