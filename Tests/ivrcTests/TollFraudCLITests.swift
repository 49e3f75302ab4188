import Foundation
import Testing

/// `unbounded-value-dial` and `allow=` through the CLI: a warning on a general line, an error
/// (exit 1) on a fleet line, a located error for a malformed prefix or a written country code
/// the bound refuses, clean once bounded; `import` of a built bundle keeps the bound.
@Suite struct TollFraudCLITests {
    static func flow(industry: String, dial: String) -> String {
        """
        flow callback
          number +1-800-555-0180
          industry \(industry)

          step start emergency
            say "We will call you back."
            \(dial) -> sorry

          step sorry
            say "Nobody answered. Goodbye."
            hangup

        """
    }

    func check(_ source: String) throws -> (path: String, run: CLITests.Run) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-toll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("callback.ivr").path
        try Data(source.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(at: directory) }
        return (path, try CLITests.ivrc(["check", path]))
    }

    @Test func anUnboundedCallerIdCallbackWarnsOnAGeneralLineAndFailsAFleetLine() throws {
        let general = try check(Self.flow(industry: "general", dial: "dial {{From}}"))
        #expect(general.run.status == 0, "\(general.run.stdout)")
        #expect(general.run.stdout.contains("\(general.path):7:10: warning[unbounded-value-dial]"), "\(general.run.stdout)")
        #expect(general.run.stdout.contains("Telnyx outbound voice profile"))
        let fleet = try check(Self.flow(industry: "fleet", dial: "dial {{From}}"))
        #expect(fleet.run.status == 1)
        #expect(fleet.run.stdout.contains("\(fleet.path):7:10: error[unbounded-value-dial]"), "\(fleet.run.stdout)")
    }

    @Test func aBoundedCallbackIsCleanAndAMalformedBoundIsLocated() throws {
        let bounded = try check(Self.flow(industry: "fleet", dial: "dial {{From}} allow=+1,+44"))
        #expect(bounded.run.status == 0 && !bounded.run.stdout.contains("unbounded"), "\(bounded.run.stdout)")
        let malformed = try check(Self.flow(industry: "general", dial: "dial {{From}} allow=+1,44"))
        #expect(malformed.run.status == 1)
        #expect(malformed.run.stdout.contains("\(malformed.path):7:25: error[invalid-option]: `44` has no `+` in `allow=`"),
                "\(malformed.run.stdout)")
    }

    @Test func aWrittenCountryCodeOutsideTheBoundIsLocated() throws {
        let conflict = try check(Self.flow(industry: "general", dial: "dial +44{{From}} allow=+1"))
        #expect(conflict.run.status == 1)
        #expect(conflict.run.stdout.contains("\(conflict.path):7:10: error[dial-prefix-conflict]: `+44` is written before the value"),
                "\(conflict.run.stdout)")
        #expect(conflict.run.stdout.contains("add `+44` to `allow=`"), "\(conflict.run.stdout)")
    }

    @Test func importingABuiltBundleKeepsTheDialsBound() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-toll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("callback.ivr").path, bundle = directory.appendingPathComponent("bundle").path
        try Data(Self.flow(industry: "fleet", dial: "dial {{From}} allow=+1,+44").utf8).write(to: URL(fileURLWithPath: source))
        let build = try CLITests.ivrc(["build", source, "-o", bundle])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let imported = try CLITests.ivrc(["import", bundle + "/callback/start.xml", bundle + "/callback/sorry.xml"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("dial {{From}} allow=+1,+44 -> sorry"), "\(imported.stdout)")
    }
}
