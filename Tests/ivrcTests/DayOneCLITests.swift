import Foundation
import Testing

/// Small things a new user meets on day one, each seen with one command.
@Suite struct DayOneCLITests {
    func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-dayone-\(UUID().uuidString).ivr")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The summary says what was checked whether or not there are warnings.
    @Test func theSummaryCountsFlowsWithWarningsToo() throws {
        let flow = try file("""
            flow line
              number +1-555-010-0100

              step welcome
                say "Hello."
                hangup
                say "Never heard."
            """)
        defer { try? FileManager.default.removeItem(at: flow) }
        let run = try CLITests.ivrc(["check", flow.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("1 flow, 0 errors, 1 warning\n"), "\(run.stdout)")
    }

    @Test func explainingAStatementPointsAtTheStatements() throws {
        let run = try CLITests.ivrc(["explain", "record"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("`ivrc explain statements`"), "\(run.stderr)")
    }

    /// A local time the line's zone skips (daylight saving starts at 02:00) is refused, not run.
    @Test func aLocalTimeThatDoesNotExistIsRefused() throws {
        let flow = try file("""
            flow line
              number +1-555-010-0100

              schedule office "America/Chicago"
                open mon-sun 0:00-24:00

              step welcome
                hours office
                  on open -> open
                  on closed -> closed

              step open
                say "We are open."
                hangup

              step closed
                say "We are closed."
                hangup

              test "the night the clocks go forward"
                at 2026-03-08 02:30
                expect say "We are open."

              test "an hour later"
                at 2026-03-08 03:30
                expect say "We are open."
            """)
        defer { try? FileManager.default.removeItem(at: flow) }
        let run = try CLITests.ivrc(["test", flow.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("2026-03-08 02:30 does not exist in America/Chicago"), "\(run.stdout)")
        #expect(!run.stdout.contains("03:30 does not exist"))
    }
}
