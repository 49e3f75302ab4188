import Foundation
import IVRBundle
import IVRTestSupport
import Testing

/// `ivrc diff` as a deploy gate sees it: identical behaviour exits 0, a change is listed and
/// (with --exit-code) exits 1, an unreadable side exits 2.
@Suite struct DiffCommandTests {
    static let examples = Repository.examples.path

    func changedCopy() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: Self.examples + "/driver_emergency.ivr", encoding: .utf8)
        try source.replacingOccurrences(of: "timeout=20s", with: "timeout=25s").write(
            to: directory.appendingPathComponent("driver_emergency.ivr"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func sameFlowsNoChange() throws {
        let run = try CLITests.ivrc(["diff", "--exit-code", Self.examples + "/driver_emergency.ivr", Self.examples + "/driver_emergency.ivr"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("no change for callers\n"), "\(run.stdout)")
    }

    @Test func aBundleOfAnotherFormatIsRefusedWithItsPath() throws {
        let directory = try changedCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle")
        #expect(try CLITests.ivrc(["build", Self.examples + "/driver_emergency.ivr", "-o", bundle.path]).status == 0)
        let manifest = bundle.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "\"formatVersion\" : \(Manifest.currentFormatVersion)", with: "\"formatVersion\" : 99").write(to: manifest, atomically: true, encoding: .utf8)
        let run = try CLITests.ivrc(["diff", bundle.path, Self.examples + "/driver_emergency.ivr"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(manifest.path): bundle format 99 is not supported (this ivrc reads format \(Manifest.currentFormatVersion))"), "\(run.stderr)")
    }

    @Test func aChangeIsListedAndGatesTheDeploy() throws {
        let copy = try changedCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        let old = Self.examples + "/driver_emergency.ivr"
        let listed = try CLITests.ivrc(["diff", old, copy.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasPrefix("driver_emergency: "), "\(listed.stdout)")
        #expect(listed.stdout.contains("  dial "))
        let gated = try CLITests.ivrc(["diff", "--exit-code", "--format", "json", old, copy.path])
        #expect(gated.status == 1)
        #expect(gated.stdout.contains("\"kind\" : \"dial\""))
    }

    @Test func anUnreadableSideIsAnIOError() throws {
        let missing = try CLITests.ivrc(["diff", "no-such-revision-xyz:examples", Self.examples])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read examples at revision no-such-revision-xyz"), "\(missing.stderr)")
        let escaping = try CLITests.ivrc(["diff", "HEAD:../etc", Self.examples])
        #expect(escaping.status == 2)
    }

    /// A revision git would read as an option (`--output=FILE`) is refused before git runs:
    /// it would otherwise write an archive of the repository wherever FILE points.
    @Test func aRevisionStartingWithADashIsRefusedAndWritesNothing() throws {
        let planted = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-diff-planted-\(UUID().uuidString).tar")
        defer { try? FileManager.default.removeItem(at: planted) }
        let injected = try CLITests.ivrc(["diff", "--", "--output=\(planted.path):HEAD", Self.examples])
        #expect(injected.status == 2)
        #expect(injected.stderr.contains("a revision cannot start with '-'"), "\(injected.stderr)")
        #expect(!FileManager.default.fileExists(atPath: planted.path))
    }

    /// A cut-off is announced on stderr and in every format.
    @Test func aDepthCutOffIsAnnouncedInEveryFormat() throws {
        let flow = Self.examples + "/driver_emergency.ivr"
        for format in ["text", "markdown", "json"] {
            let run = try CLITests.ivrc(["diff", "--depth", "1", "--format", format, flow, flow])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("go on past 1 choice:"), "\(format): \(run.stderr)")
            #expect(run.stdout.contains(format == "json" ? "\"cutOff\"" : "go on past 1 choice:"), "\(format): \(run.stdout)")
        }
    }

    /// Errors in a `REV:PATH` side are shown at `REV:PATH/file`, never the export's temporary
    /// path, with which side has them; `--format json` prints them as JSON.
    @Test func errorsInARevisionSideNameItInTheChosenFormat() throws {
        let repository = try NewLineWorkflowTests.repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("flows"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLITests.fixtures.appendingPathComponent("broken.ivr"),
                                         to: repository.appendingPathComponent("flows/broken.ivr"))
        let commit = try NewLineWorkflowTests.shell("git add flows && git commit -q -m broken", in: repository)
        try #require(commit.status == 0, "\(commit.stderr)")
        let text = try NewLineWorkflowTests.shell("ivrc diff HEAD:flows flows", in: repository)
        #expect(text.status == 1)
        #expect(text.stdout.contains("HEAD:flows/broken.ivr:") && !text.stdout.contains("ivrc-diff-"), "\(text.stdout)")
        #expect(text.stderr.contains("the old side (HEAD:flows) has errors"), "\(text.stderr)")
        let json = try NewLineWorkflowTests.shell("ivrc diff --format json HEAD:flows flows", in: repository)
        #expect(json.status == 1)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil, "\(json.stdout)")
    }
}
