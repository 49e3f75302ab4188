import Foundation
import IVRTestSupport
import Testing

/// `ivrc build --store`, `ivrc store list|prune`, and the commands that read a bundle reading a
/// store's current build, as a designer or a deploy script runs them.
@Suite struct BundleStoreCLITests {
    static let example = Repository.examples.appendingPathComponent("patient_intake.ivr").path

    /// The example with its wording changed: another build of the same line.
    private static func changedExample(in directory: URL) throws -> String {
        let text = try String(contentsOfFile: example, encoding: .utf8)
        let path = directory.appendingPathComponent("patient_intake.ivr")
        try Data(text.replacingOccurrences(of: "Thank you", with: "Thanks").utf8).write(to: path)
        return path.path
    }

    /// `count` copies of the example as lines `line_N` with numbers of their own into `flows`:
    /// line 1 saying `greeting` where the example says "Thank you", line 2 with `spareStep` a
    /// step nothing reaches (a warning).
    private static func writeLines(_ count: Int, greeting: String, spareStep: Bool, into flows: URL) throws {
        let intake = try String(contentsOfFile: example, encoding: .utf8)
        for index in 0..<count {
            var text = intake.replacingOccurrences(of: "flow patient_intake", with: "flow line_\(index)")
                .replacingOccurrences(of: "+1-800-555-0157", with: "+1-800-555-020\(index)")
            if index == 1 { text = text.replacingOccurrences(of: "Thank you", with: greeting) }
            if index == 2 && spareStep { text += "\n  step spare\n    hangup\n" }
            try Data(text.utf8).write(to: flows.appendingPathComponent("line_\(index).ivr"))
        }
    }

    /// A new temporary directory with an empty `flows` folder in it; the caller removes it.
    private static func workDirectory() throws -> (directory: URL, flows: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-store-cli-\(UUID().uuidString)")
        let flows = directory.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        return (directory, flows)
    }

    @Test func buildsAreStoredMadeCurrentListedAndPruned() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-store-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = directory.appendingPathComponent("store").path
        let first = try CLITests.ivrc(["build", Self.example, "-o", store, "--store"])
        #expect(first.status == 0)
        let firstID = try #require(first.stderr.firstMatch(of: /stored build ([0-9a-f]{12}) in/)?.1, "\(first.stderr)")
        let again = try CLITests.ivrc(["build", Self.example, "-o", store])
        #expect(again.stderr.contains("already serves build \(firstID)"), "--store implied: \(again.stderr)")
        let changed = try CLITests.ivrc(["build", try Self.changedExample(in: directory), "-o", store])
        let secondID = try #require(changed.stderr.firstMatch(of: /stored build ([0-9a-f]{12}) in/)?.1, "\(changed.stderr)")
        #expect(secondID != firstID)

        let list = try CLITests.ivrc(["store", "list", store])
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("\(secondID)  current  1 flow(s)") == true, "\(list.stdout)")
        #expect(lines.last?.hasPrefix("\(firstID)  retired 20") == true, "\(list.stdout)")

        // Readers given the store read its current build.
        let validate = try CLITests.ivrc(["validate", store])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")

        let kept = try CLITests.ivrc(["store", "prune", store])
        #expect(kept.stderr.contains("nothing to prune"), "\(kept.stderr)")
        let pruned = try CLITests.ivrc(["store", "prune", store, "--keep", "0"])
        #expect(pruned.stderr.contains("pruned 1 retired build(s): \(firstID)"), "\(pruned.stderr)")
        #expect(try CLITests.ivrc(["store", "list", store]).stdout.split(separator: "\n").count == 1)
    }

    /// A store build after one file changed checks and compiles that file only (the rest comes
    /// from the last build's snapshot) and stores what a build from scratch stores, warnings and all.
    @Test func aRebuildAfterOneChangeTakesTheRestFromTheSnapshotAndIsTheWholeBuild() throws {
        let (directory, flows) = try Self.workDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ greeting: String) throws { try Self.writeLines(4, greeting: greeting, spareStep: true, into: flows) }
        try write("Thank you")
        let store = directory.appendingPathComponent("store").path
        let first = try CLITests.ivrc(["build", flows.path, "-o", store, "--store", "--timings"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: store + "/cache/snapshot"))
        try write("Thanks")
        let rebuilt = try CLITests.ivrc(["build", flows.path, "-o", store, "--timings"])
        #expect(rebuilt.status == 0)
        #expect(rebuilt.stderr.contains("timing snapshot"), "built from the snapshot: \(rebuilt.stderr)")
        #expect(rebuilt.stderr.contains("unchanged, already in the store"), "\(rebuilt.stderr)")
        let scratch = try CLITests.ivrc(["build", flows.path, "-o", directory.appendingPathComponent("scratch").path, "--store"])
        let id = try #require(scratch.stderr.firstMatch(of: /stored build ([0-9a-f]{12}) in/)?.1, "\(scratch.stderr)")
        #expect(rebuilt.stderr.contains("stored build \(id) in"), "the id a build from scratch gives: \(rebuilt.stderr)")
        #expect(rebuilt.stdout.contains("warning[unreachable-step]"), "the unchanged file's warning is reported again: \(rebuilt.stdout)")
        #expect(rebuilt.stdout == scratch.stdout, "the same diagnostics, in the same order")
    }

    /// A damaged document `ivrc store prune` removed is one the last build's snapshot took as
    /// present: the next build is whole and writes it again, and the store serves whole builds.
    @Test func aDocumentPruneRemovedAsDamagedIsWrittenAgainByTheNextBuild() throws {
        let (directory, flows) = try Self.workDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ greeting: String) throws { try Self.writeLines(2, greeting: greeting, spareStep: false, into: flows) }
        try write("Thank you")
        let store = directory.appendingPathComponent("store").path
        #expect(try CLITests.ivrc(["build", flows.path, "-o", store, "--store"]).status == 0)
        // A document of line_0 saying "Thank you", damaged in place: the next build takes it from the
        // snapshot, and line_1, changed to say "Thanks", compiles no document like it.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store + "/current/manifest.json")))
        let documents = try #require((manifest as? [String: Any])?["documents"] as? [String: [String: String]])
        let pooled = { (hash: String) in store + "/documents/" + hash.prefix(2) + "/" + hash.dropFirst(2) + ".xml" }
        let hash = try #require(documents.filter { $0.key.hasPrefix("line_0/") }.compactMap { $0.value["sha256"] }.sorted().first { hash in
            (try? String(contentsOfFile: pooled(hash), encoding: .utf8))?.contains("Thank you") == true
        })
        let file = pooled(hash)
        try Data("<Response/>".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try CLITests.ivrc(["store", "prune", store]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: file), "removed as damaged")
        #expect(!FileManager.default.fileExists(atPath: store + "/cache/snapshot"), "and the snapshot with it")

        try write("Thanks")
        let rebuilt = try CLITests.ivrc(["build", flows.path, "-o", store, "--timings"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(!rebuilt.stderr.contains("timing snapshot"), "a whole build: \(rebuilt.stderr)")
        #expect(FileManager.default.fileExists(atPath: file), "written again")
        let validate = try CLITests.ivrc(["validate", store])
        #expect(validate.status == 0, "every document of the new build is there: \(validate.stdout)\(validate.stderr)")

        // A document deleted by hand: `store prune` finds it missing and drops the snapshot too.
        #expect(FileManager.default.fileExists(atPath: store + "/cache/snapshot"))
        try FileManager.default.removeItem(atPath: file)
        #expect(try CLITests.ivrc(["store", "prune", store]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: store + "/cache/snapshot"))
        try write("Thank you")
        #expect(try CLITests.ivrc(["build", flows.path, "-o", store]).status == 0)
        #expect(FileManager.default.fileExists(atPath: file), "written again by the whole build")
    }

    /// Sources that did not change: the snapshot's build is found stored, nothing is written. A
    /// document of it deleted by hand fails that build (nothing stored, the snapshot dropped);
    /// the next build is whole and writes the document again.
    @Test func aRebuildOfUnchangedSourcesFindsItsBuildStoredAndOneMissingADocumentIsBuiltWhole() throws {
        let (directory, flows) = try Self.workDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeLines(2, greeting: "Thank you", spareStep: false, into: flows)
        let store = directory.appendingPathComponent("store").path
        let first = try CLITests.ivrc(["build", flows.path, "-o", store, "--store"])
        let id = try #require(first.stderr.firstMatch(of: /stored build ([0-9a-f]{12}) in/)?.1, "\(first.stderr)")
        let again = try CLITests.ivrc(["build", flows.path, "-o", store, "--timings"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("timing snapshot"), "built from the snapshot: \(again.stderr)")
        #expect(again.stderr.contains("already serves build \(id)"), "\(again.stderr)")

        let list = try String(contentsOfFile: store + "/current/documents.list", encoding: .utf8)
        let hash = try #require(list.split(separator: "\n").first)
        let file = store + "/documents/" + hash.prefix(2) + "/" + hash.dropFirst(2) + ".xml"
        try FileManager.default.removeItem(atPath: file)
        let missing = try CLITests.ivrc(["build", flows.path, "-o", store])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("missing from its pool"), "\(missing.stderr)")
        #expect(missing.stderr.contains("build again"), "says how to fix it: \(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store + "/cache/snapshot"), "the snapshot vouches for the document no more")

        let whole = try CLITests.ivrc(["build", flows.path, "-o", store, "--timings"])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(!whole.stderr.contains("timing snapshot"), "a whole build: \(whole.stderr)")
        #expect(whole.stderr.contains("stored build \(id) in"), "the same build, stored whole again: \(whole.stderr)")
        #expect(FileManager.default.fileExists(atPath: file), "written again")
        let validate = try CLITests.ivrc(["validate", store])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }

    @Test func aStoreIsNotMadeOfABundleAndStoreCommandsRefuseWhatIsNotOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-store-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle").path
        #expect(try CLITests.ivrc(["build", Self.example, "-o", bundle]).status == 0)
        let refused = try CLITests.ivrc(["build", Self.example, "-o", bundle, "--store"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("it holds a bundle written without --store"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: bundle + "/manifest.json"))
        for command in [["store", "list", bundle], ["store", "prune", bundle]] {
            let run = try CLITests.ivrc(command)
            #expect(run.status == 2)
            #expect(run.stderr.contains("is not a bundle store"), "\(run.stderr)")
        }
    }
}
