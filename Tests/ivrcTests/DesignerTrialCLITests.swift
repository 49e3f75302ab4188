import Foundation
import IVRTestSupport
import Testing

/// The reproductions of the designer's trial (issue 11), through the built binary.
@Suite struct DesignerTrialCLITests {
    /// `ivrc ARGUMENTS… FILE` on `source` written to a scratch `flow.ivr`.
    static func run(_ arguments: [String], on source: String) throws -> CLITests.Run {
        var result: CLITests.Run?
        try FormatCommandTests.withFiles(["flow.ivr": source]) { directory in
            result = try CLITests.ivrc(arguments + [directory.appendingPathComponent("flow.ivr").path])
        }
        return try #require(result)
    }

    @Test func arrowAfterSayIsAnErrorNotADeadEnd() throws {
        let run = try Self.run(["check"], on: """
            flow q
              number +1-800-555-0157

              step start
                say "hi" -> nowhere
                hangup
            """)
        #expect(run.status == 1)
        #expect(run.stdout.contains("flow.ivr:5:17: error[syntax]: `say` does not continue anywhere"), "\(run.stdout)")
    }

    @Test func recordingInAStepEnteredFromOutsideIsCheckedDespiteAnUnreachableWaiver() throws {
        let run = try Self.run(["check"], on: """
            flow hours
              number +1-800-555-0157

              step open
                say "Welcome."
                dial +1-555-010-0200

              # ivrc: allow unreachable-step -- the hours service redirects here after closing time
              step closed
                say "We are closed. Leave a message."
                record max=60s beep
            """)
        #expect(run.status == 1)
        #expect(run.stdout.contains("flow.ivr:11:5: error[recording-disclosure]"), "\(run.stdout)")
    }
}

extension DesignerTrialCLITests {
    @Test func flowKeysReachEveryMenuAndAMenuCannotReuseThem() throws {
        let source = """
            flow dispatch
              number +1-888-555-0162
              industry fleet
              on 1 -> dispatch

              step start
                menu timeout=4s
                  say "For dispatch, press 1. For billing, press 2."
                  on 2 -> billing
                  on timeout -> dispatch
                  on invalid -> dispatch

              step billing
                dial +1-555-020-0100

              step dispatch emergency
                dial +1-555-020-0911 -> billing
            """
        #expect(try Self.run(["check"], on: source).status == 0)
        let reused = try Self.run(["check"], on: source.replacingOccurrences(of: "on 2 -> billing", with: "on 1 -> billing"))
        #expect(reused.status == 1)
        #expect(reused.stdout.contains("flow.ivr:9:10: error[duplicate-key]"), "\(reused.stdout)")
    }
}

extension DesignerTrialCLITests {
    @Test func finishOnKeyHashKeepsTheRestOfTheLine() throws {
        let run = try Self.run(["check"], on: """
            flow vm
              number +1-800-555-0157
              recording-status-callback https://records.example.com/telnyx

              step start
                disclose "This call is being recorded."
                record beep max=90s finish-on-key=# -> done

              step done
                hangup
            """)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(!run.stdout.contains("unreachable-step"))
    }
}

extension DesignerTrialCLITests {
    @Test func aTestPressesAPhoneNumberWorthOfKeys() throws {
        let run = try Self.run(["test"], on: """
            flow pin
              number +1-800-555-0157

              step start
                gather account num-digits=10 -> done

              step done
                say "Thank you."
                hangup

              test "the caller types a ten-digit account number"
                press 3125550123
                expect say "Thank you."
            """)
        #expect(run.status == 0, "\(run.stdout)")
    }
}

extension DesignerTrialCLITests {
    @Test func aWaitURLThatIsAStepNameTypoIsAnError() throws {
        let run = try Self.run(["check"], on: """
            flow q
              number +1-800-555-0157

              step start
                enqueue dispatchers wait-url=hold_music

              step hold
                play https://example.com/hold.mp3
            """)
        #expect(run.status == 1)
        #expect(run.stdout.contains("flow.ivr:5:34: error[invalid-option]: `wait-url=hold_music` is neither a URL nor a step of this flow"), "\(run.stdout)")
    }
}

extension DesignerTrialCLITests {
    @Test func aConferenceDialWithANumberIsRefused() throws {
        let run = try Self.run(["check"], on: """
            flow bridge
              number +1-800-555-0157

              step start
                dial
                  conference standup
                  number +1-555-010-0200
            """)
        #expect(run.status == 1)
        #expect(run.stdout.contains("flow.ivr:7:7: error[syntax]: a `dial` that joins a conference cannot call anyone else"), "\(run.stdout)")
    }
}

extension DesignerTrialCLITests {
    @Test func pathsAgreeWithSilentLoopAboutAMenuThatReplaysOnTimeout() throws {
        let source = """
            flow f
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "Press 1 for the desk."
                  on 1 -> desk
                  on timeout -> start
                  on invalid -> start

              step desk
                dial +1-555-010-0200
            """
        #expect(try Self.run(["check"], on: source).status == 0)
        let paths = try Self.run(["test", "--paths"], on: source)
        #expect(!paths.stdout.contains("loops without"), "\(paths.stdout)")
    }
}

extension DesignerTrialCLITests {
    static let examples = Repository.examples.path

    @Test func cleanCheckSaysWhatItChecked() throws {
        let run = try CLITests.ivrc("check", Self.examples)
        #expect(run.status == 0)
        #expect(run.stdout == "6 flows, 0 errors, 0 warnings\n")
    }

    @Test func theScriptCanComeFromStandardInput() throws {
        try FormatCommandTests.withFiles(["script.txt": "press 9\nno-answer\n"]) { directory in
            let run = try CLITests.ivrc(["simulate", "\(Self.examples)/patient_intake.ivr", "--script", "-"],
                                        stdin: directory.appendingPathComponent("script.txt"))
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("caller: press 9"), "\(run.stdout)")
            #expect(run.stdout.contains("caller: no-answer"), "\(run.stdout)")
        }
    }

    @Test func expectNoFailsWhenItHappens() throws {
        let source = """
            flow line
              number +1-555-010-1000

              step welcome
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

              test "pressing 1 never records"
                press 1
                expect no record
                expect no dial +1-555-010-2001

              test "pressing 1 never dials sales"
                press 1
                expect no dial +1-555-010-2000
            """
        let run = try Self.run(["test"], on: source)
        #expect(run.status == 1)
        #expect(run.stdout.contains("ok   line: pressing 1 never records"), "\(run.stdout)")
        #expect(run.stdout.contains("FAIL line: pressing 1 never dials sales"), "\(run.stdout)")
    }
}

extension DesignerTrialCLITests {
    @Test func explainListsTheStatementsAndEveryID() throws {
        let statements = try CLITests.ivrc("explain", "statements")
        #expect(statements.status == 0)
        for name in ["say \"TEXT\"", "start", "transcription", "http-request", "siprec"] {
            #expect(statements.stdout.contains("\n  \(name) "), "\(name)")
        }
        let index = try CLITests.ivrc("explain")
        #expect(index.status == 0)
        for id in ["recording-disclosure", "recording-unsaved", "unknown-statement", "unresolved-wait-url"] {
            #expect(index.stdout.contains("\n\(id) "), "\(id)")
        }
    }
}
