import Foundation
import IVRTestSupport
import Testing

/// `simulate --url` and `test --url` refuse what cannot work before any request is sent.
@Suite struct LiveServerOptionTests {
    static let example = Repository.examples.appendingPathComponent("patient_intake.ivr").path

    static let refused: [([String], String)] = [
        (["simulate", "--url", "http://127.0.0.1:9/texml"], "--url needs --number"),
        (["simulate", example, "--url", "http://127.0.0.1:9/texml", "--number", "+18005550157"], "not both"),
        (["simulate", "--url", "ftp://host/texml", "--number", "+18005550157"], "absolute http:// or https:// URL"),
        (["simulate", "--url", "texml", "--number", "+18005550157"], "absolute http:// or https:// URL"),
        (["simulate", "--url", "http://127.0.0.1:9/texml", "--number", "+1", "--telnyx-private-key", "c2hvcnQ="], "32 bytes"),
        (["test", example, "--paths", "--url", "http://127.0.0.1:9/texml"], "cannot be combined with --url"),
    ]

    @Test(arguments: refused)
    func refusedWithExitTwo(_ arguments: [String], _ message: String) throws {
        let run = try CLITests.ivrc(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func aServerThatIsNotThereFailsTheTestsNotTheTool() throws {
        let run = try CLITests.ivrc(["test", Self.example, "--url", "http://127.0.0.1:9/texml"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("no answer from http://127.0.0.1:9/texml"), "\(run.stdout)")
        #expect(run.stdout.contains("0 passed"))
    }
}
