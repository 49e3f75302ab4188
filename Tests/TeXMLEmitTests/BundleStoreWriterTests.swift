import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import IVRTestSupport
import TeXMLEmit
import Testing

/// `ivrc build --store`: each build kept whole under its id, `current` switched, the history
/// recorded, retired builds pruned — and every state a reader can see is a valid store.
@Suite struct BundleStoreWriterTests {
    /// Two flows, the first greeting with `greeting`; compiled reusing the current build of the
    /// store at `store`, as `ivrc build` does, when one is given.
    private static func flow(_ greeting: String, reusing store: URL? = nil) throws -> CompiledBundle {
        let sources = Compile.sources([
            "a.ivr": "flow one\n  number +1-800-555-0157\n  step start\n    say \"\(greeting)\"\n    hangup\n",
            "b.ivr": "flow two\n  number +1-800-555-0162\n  step start\n    say \"Two\"\n    hangup\n",
        ])
        let previous = try store.flatMap { PreviousBundle(at: try BundleStoreDirectory.bundleDirectory($0), compilerVersion: "test") }
        return try Compiler.compile(Compiler.lower(Compile.checked(sources).graph), reusing: previous)
    }

    private static func inode(_ path: String) -> (inode: UInt, links: UInt) {
        var status = stat()
        _ = stat(path, &status)
        return (UInt(status.st_ino), UInt(status.st_nlink))
    }

    @Test func aBuildIsStoredUnderItsIdMadeCurrentAndAnIdenticalBuildChangesNothing() throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let (first, _) = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test", at: start)
        guard case .written(let id, reused: 0) = first else { Issue.record("\(first)"); return }
        let store = BundleStoreDirectory(root: root)
        #expect(try store.currentID() == id)
        #expect(try LoadedBundle(directory: root).id == id, "a reader given the store reads its current build")
        let manifest = store.directory(of: id).appendingPathComponent("manifest.json").path
        let before = Self.inode(manifest)
        let (again, _) = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test", at: start + 60)
        #expect(again == .unchanged(id: id))
        #expect(Self.inode(manifest).inode == before.inode, "nothing rewritten")
        #expect(store.history().entries == [BundleHistory.Entry(id: id, since: start)])
    }

    @Test func aChangedFlowIsANewBuildWhoseUnchangedDocumentsAreLinksAndARollbackRestoresTheOld() throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let old = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test", at: start).outcome
        let new = try BundleStoreWriter.write(try Self.flow("Welcome", reusing: root), to: root,
                                              compilerVersion: "test", at: start + 60).outcome
        guard case .written(let oldID, _) = old, case .written(let newID, let reused) = new else { Issue.record("\(old) \(new)"); return }
        #expect(oldID != newID)
        #expect(reused > 0, "flow two did not change: its documents are linked")
        let store = BundleStoreDirectory(root: root)
        let twoDocument = "two/start.xml"
        #expect(Self.inode(store.directory(of: oldID).path + "/" + twoDocument).inode
            == Self.inode(store.directory(of: newID).path + "/" + twoDocument).inode)
        #expect(store.retained(current: newID, gracePeriod: 3600, at: start + 120).map(\.id) == [oldID])
        #expect(store.retained(current: newID, gracePeriod: 30, at: start + 120).isEmpty, "retired 60 s ago, grace 30 s")

        let rollback = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test", at: start + 180).outcome
        #expect(rollback == .restored(id: oldID))
        #expect(try store.currentID() == oldID)
        #expect(store.history().retired(current: oldID) == [BundleHistory.Entry(id: newID, since: start + 180)])
    }

    @Test func retiredBuildsArePrunedByAgeAndCountNeverTheCurrent() throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var ids: [String] = []
        for (index, greeting) in ["A", "B", "C", "D"].enumerated() {
            let retention = StoreRetention(keepFor: 3600, keepCount: 2)
            let written = try BundleStoreWriter.write(try Self.flow(greeting), to: root, compilerVersion: "test",
                                                      retention: retention, at: start + Double(index) * 60)
            if case .written(let id, _) = written.outcome { ids.append(id) }
        }
        let store = BundleStoreDirectory(root: root)
        #expect(store.storedIDs() == ids.suffix(3).sorted(), "the current D and the two newest retired, C and B")
        // D became current at +180 (retiring C), C at +120 (retiring B); now is +225.
        let pruned = try store.withLock { try store.prune(StoreRetention(keepFor: 60, keepCount: 10), at: start + 225) }
        #expect(pruned == [ids[1]], "B retired 105 s ago, over 60 s; C 45 s ago, kept")
        #expect(store.storedIDs() == [ids[2], ids[3]].sorted())
        let none = try store.withLock { try store.prune(StoreRetention(keepFor: 0, keepCount: 0), at: start + 86_400) }
        #expect(store.storedIDs() == [ids[3]], "\(none): the current build stays")
        #expect(store.history().entries.map(\.id) == [ids[3]])
    }

    @Test func aDamagedStoredBuildIsWrittenAgainAndDebrisOfADeadBuildIsRemoved() throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test").outcome
        guard case .written(let id, _) = written else { Issue.record("\(written)"); return }
        let store = BundleStoreDirectory(root: root)
        try Data("{ half".utf8).write(to: store.directory(of: id).appendingPathComponent("manifest.json"))
        // A build killed mid-write: its staging directory, named after a process that is gone.
        let debris = store.bundlesPath + "/.staging-999999999"
        try FileManager.default.createDirectory(atPath: debris + "/one", withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try LoadedBundle(directory: root) }
        let repaired = try BundleStoreWriter.write(try Self.flow("Welcome"), to: root, compilerVersion: "test").outcome
        let restored = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test").outcome
        guard case .written = repaired, case .written(let again, _) = restored else { Issue.record("\(repaired) \(restored)"); return }
        #expect(again == id)
        #expect(try LoadedBundle(directory: root).id == id)
        #expect(FileKind(at: debris) == nil)
    }

    @Test func twoBuildsRacingIntoOneStoreBothLandAndLeaveAValidStore() async throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundles = [try Self.flow("Hello"), try Self.flow("Welcome")]
        let outcomes = try await withThrowingTaskGroup(of: BundleStoreWriter.Outcome.self) { group in
            for bundle in bundles + bundles {
                group.addTask { try BundleStoreWriter.write(bundle, to: root, compilerVersion: "test").outcome }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 4)
        let store = BundleStoreDirectory(root: root)
        #expect(store.storedIDs().count == 2)
        let current = try store.currentID()
        #expect(try LoadedBundle(directory: root).id == current)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.bundlesPath).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func aDirectoryThatIsNotAStoreIsNotTakenOver() throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try BundleWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test")
        #expect { try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test") } throws: { error in
            "\(error)".contains("a bundle written without --store")
        }
        #expect(FileKind(at: root.path + "/manifest.json") == .regular, "the bundle there is untouched")
    }
}
