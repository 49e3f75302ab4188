import IVRCheck
import IVRLang
import IVRRuntime
import IVRTestSupport
import Testing

@Suite("Flow tests: parsing and matching")
struct FlowTestRunnerTests {
    static let flow = """
        flow line
          number +1-555-010-1000

          step welcome
            disclose "This call is recorded."
            menu timeout=5s
              say "Press 1 for sales."
              on 1 -> sales
              on timeout -> goodbye
              on invalid -> goodbye

          step sales
            dial +1-555-010-2000 -> goodbye

          step goodbye
            say "Goodbye."
            hangup

        """

    func run(_ body: String) throws -> TestOutcome {
        let result = Examples.check(Self.flow + "  test \"t\"\n" + body)
        let parsed = FlowTestParser.parse(try #require(result.graph.flows.first))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        return FlowTestRunner.run(try #require(parsed.tests.first), in: try CallProgram.compiled(result.graph))
    }

    @Test func expectationsMatchInOrderAfterTheEventsBeforeThem() throws {
        #expect(try run("    expect say \"recorded\"\n    press 1\n    expect step sales\n    no-answer\n    expect say \"Goodbye\"\n    expect hangup\n").passed)
        // The disclosure was heard before the key, so expecting it after the key fails.
        let late = try run("    press 1\n    expect say \"recorded\"\n")
        #expect(late.failure?.contains("did not happen") == true)
        // Expectations do not match the same event twice or go backwards.
        #expect(try run("    press 1\n    expect dial +1-555-010-2000\n    expect step welcome\n").passed == false)
    }

    @Test func expectNoHoldsFromItsLineToTheEndOfTheCall() throws {
        let silent = "    silence\n    silence\n    silence\n"
        #expect(try run(silent + "    expect no dial +1-555-010-2000\n    expect no record\n    expect hangup\n").passed)
        let dialled = try run("    press 1\n    expect no dial +1-555-010-2000\n")
        #expect(dialled.failure?.contains("`expect no dial +15550102000` failed: it happened at transcript line 7") == true,
                "\(dialled.failure ?? "passed")")
        // Before the key the dial had not happened yet; written after the dial, it holds.
        #expect(try run("    press 1\n    expect dial +1-555-010-2000\n    expect no dial +1-555-010-2000\n").passed)
    }

    @Test func anEventTheCallNeverAsksForFails() throws {
        let outcome = try run("    press 1\n    answer\n    press 1\n")
        #expect(outcome.failure?.contains("never asked for `press 1`") == true)
    }

    @Test func dialTargetsCompareNormalised() throws {
        #expect(try run("    press 1\n    expect dial +15550102000\n").passed)
        #expect(try run("    press 1\n    expect dial +1-555-010-9999\n").passed == false)
    }

    @Test func malformedLinesAreDiagnosedWithTheirPosition() throws {
        let result = Examples.check(Self.flow + """
              test "broken"
                pres 1
                press
                expect dail +1-555-010-2000
                expect step nowhere
                speak billing
                silence 5

            """)
        let parsed = FlowTestParser.parse(try #require(result.graph.flows.first))
        #expect(parsed.tests.isEmpty)
        let rendered = DiagnosticRenderer(sources: result.graph.sources).render(parsed.diagnostics)
        #expect(parsed.diagnostics.count == 6)
        #expect(rendered.contains("inline.ivr:19:5: error[test-syntax]: `pres` is not a test event or expectation"))
        #expect(rendered.contains("did you mean `press`?"))
        #expect(rendered.contains("inline.ivr:21:12: error[test-syntax]: `expect` needs what to expect"))
        #expect(rendered.contains("flow `line` has no step `nowhere`"))
        #expect(rendered.contains("inline.ivr:24:13: error[test-syntax]: `silence` takes no argument"))
    }
}
