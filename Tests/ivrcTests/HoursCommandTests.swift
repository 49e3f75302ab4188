import Foundation
import IVRTestSupport
import Testing

/// `hours` through the command line: the moment of a simulated call, and refused moments.
@Suite struct HoursCommandTests {
    static let example = Repository.examples.appendingPathComponent("dental_office.ivr").path

    @Test func theMomentPicksTheBranch() throws {
        let closed = try CLITests.ivrc(["simulate", Self.example, "--at", "2026-12-25 10:00", "--press", "9"])
        #expect(closed.status == 0, "\(closed.stdout)\(closed.stderr)")
        #expect(closed.stdout.contains("step after_hours") && closed.stdout.contains("dial +13125550199"), "\(closed.stdout)")
        let open = try CLITests.ivrc(["simulate", Self.example, "--at", "2026-12-22T15:00:00Z", "--press", "1"])
        #expect(open.stdout.contains("step front_desk") && open.stdout.contains("dial +13125550141"), "\(open.stdout)")
    }

    @Test(arguments: ["2026-02-30 10:00", "next tuesday", "2026-12-25T25:00:00Z"])
    func aMomentThatDoesNotExistIsRefused(_ moment: String) throws {
        let run = try CLITests.ivrc(["simulate", Self.example, "--at", moment, "--press", "9"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--at must be a date and time that exist"), "\(run.stderr)")
    }

    @Test func pathsWalkOpenAndClosed() throws {
        let run = try CLITests.ivrc(["test", "--paths", Self.example])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("ok   dental_office"))
    }
}
