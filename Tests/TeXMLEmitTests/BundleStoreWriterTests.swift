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

    /// The file in the store's pool of document `path` of build `id`.
    private static func pooled(_ path: String, of id: String, in store: BundleStoreDirectory) throws -> String {
        let manifest = try LoadedBundle.manifest(in: ConfinedDirectory(store.directory(of: id).path))
        let sha256 = try #require(manifest.documents[path]?.sha256)
        return store.root.path + "/" + (try #require(DocumentPool.relativePath(of: sha256)))
    }

    @Test func aChangedFlowIsANewBuildThatWritesOnlyWhatChangedAndARollbackRestoresTheOld() throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let old = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test", at: start).outcome
        let store = BundleStoreDirectory(root: root)
        guard case .written(let oldID, _) = old else { Issue.record("\(old)"); return }
        let twoBefore = Self.inode(try Self.pooled("two/start.xml", of: oldID, in: store))
        let new = try BundleStoreWriter.write(try Self.flow("Welcome", reusing: root), to: root,
                                              compilerVersion: "test", at: start + 60).outcome
        guard case .written(let newID, let reused) = new else { Issue.record("\(new)"); return }
        #expect(oldID != newID)
        #expect(reused > 0, "flow two did not change: its documents are in the store already")
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory(of: newID).path).sorted()
            == [DocumentPool.listName, "manifest.json"], "a build's directory holds its manifest, its documents are pooled")
        #expect(Self.inode(try Self.pooled("two/start.xml", of: newID, in: store)).inode == twoBefore.inode,
                "the unchanged document is the file the first build wrote")
        #expect(try Self.pooled("one/start.xml", of: newID, in: store) != (try Self.pooled("one/start.xml", of: oldID, in: store)))
        #expect(try LoadedBundle(directory: store.directory(of: oldID)).id == oldID, "the retired build is whole")
        #expect(try LoadedBundle(directory: root).id == newID)
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
        let pooled = try FileManager.default.subpathsOfDirectory(atPath: DocumentPool(store: store).path).filter { $0.hasSuffix(".xml") }
        #expect(pooled.count == (try LoadedBundle(directory: root)).manifest.documents.count,
                "the documents of pruned builds left the pool: \(pooled)")
    }

    @Test func aBuildStoredWithItsDocumentsBesideItsManifestIsReadAndItsDocumentsAreTakenIntoThePool() throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test").outcome
        guard case .written(let oldID, _) = written else { Issue.record("\(written)"); return }
        // The layout an earlier ivrc wrote: every document in the build's directory, no pool.
        let store = BundleStoreDirectory(root: root)
        let build = store.directory(of: oldID).path
        let manifest = try LoadedBundle.manifest(in: ConfinedDirectory(build))
        for path in manifest.documents.keys {
            try FileManager.default.createDirectory(atPath: build + "/" + (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: try Self.pooled(path, of: oldID, in: store), toPath: build + "/" + path)
        }
        try FileManager.default.removeItem(atPath: build + "/" + DocumentPool.listName)
        try FileManager.default.removeItem(atPath: DocumentPool(store: store).path)
        #expect(try LoadedBundle(directory: root).id == oldID)

        let new = try BundleStoreWriter.write(try Self.flow("Welcome", reusing: root), to: root, compilerVersion: "test").outcome
        guard case .written(let newID, let reused) = new else { Issue.record("\(new)"); return }
        #expect(reused == manifest.documents.keys.filter { $0.hasPrefix("two/") }.count)
        #expect(Self.inode(try Self.pooled("two/start.xml", of: newID, in: store)).inode == Self.inode(build + "/two/start.xml").inode,
                "taken in by a link to the earlier build's file")
        #expect(try LoadedBundle(directory: root).id == newID)
        #expect(try LoadedBundle(directory: store.directory(of: oldID)).id == oldID)
    }

    /// A build that prunes another removes the documents only the pruned build named, by a merge
    /// of the sorted lists; while a stored build's list is not one (out of order), it removes none.
    @Test func pruningABuildRemovesTheDocumentsOnlyItNamedAndNoneWhileAListIsUnreadable() throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let store = BundleStoreDirectory(root: root)
        guard case .written(let hello, _) = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test", at: start).outcome
        else { Issue.record("no first build"); return }
        let helloOnly = try Self.pooled("one/start.xml", of: hello, in: store)
        let shared = try Self.pooled("two/start.xml", of: hello, in: store)
        guard case .written(let welcome, _) = try BundleStoreWriter.write(try Self.flow("Welcome", reusing: root), to: root,
                                                                           compilerVersion: "test", at: start + 60).outcome
        else { Issue.record("no second build"); return }
        let welcomeOnly = try Self.pooled("one/start.xml", of: welcome, in: store)
        // The current build's list out of order: what the pruned build alone named is not known.
        let list = store.directory(of: welcome).path + "/" + DocumentPool.listName
        let sorted = try String(contentsOfFile: list, encoding: .utf8)
        try Data(sorted.split(separator: "\n").reversed().map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: list))
        #expect(try store.withLock { try store.prune(StoreRetention(keepFor: 0, keepCount: 0), at: start + 120) } == [hello])
        #expect(FileKind(at: helloOnly) == .regular, "kept while a list is unreadable")
        try Data(sorted.utf8).write(to: URL(fileURLWithPath: list))
        guard case .written(let third, _) = try BundleStoreWriter.write(try Self.flow("Hi", reusing: root), to: root, compilerVersion: "test",
                                                                         retention: StoreRetention(keepFor: 0, keepCount: 0), at: start + 180).outcome
        else { Issue.record("no third build"); return }
        #expect(store.storedIDs() == [third], "welcome pruned by the third build")
        #expect(FileKind(at: welcomeOnly) == nil, "what only welcome named left with it")
        #expect(FileKind(at: try Self.pooled("one/start.xml", of: third, in: store)) == .regular)
        #expect(FileKind(at: shared) == .regular, "two's document is the third build's too")
        #expect(FileKind(at: helloOnly) == .regular, "named by no build pruned now: left to `ivrc store prune`")
        try store.withLock { _ = try store.prune(StoreRetention(), sweeping: true) }
        #expect(FileKind(at: helloOnly) == nil)
        #expect(try LoadedBundle(directory: root).id == third)
    }

    @Test func aPoolDocumentNoBuildNamesIsSweptAndOneAManifestNamesIsKeptOrRefusedWhenTampered() throws {
        let root = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try BundleStoreWriter.write(try Self.flow("Hello"), to: root, compilerVersion: "test").outcome
        guard case .written(let id, _) = written else { Issue.record("\(written)"); return }
        let store = BundleStoreDirectory(root: root)
        let pool = DocumentPool(store: store)
        // What a build killed after writing its documents leaves: a document no build names, a half-written file.
        let orphan = String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(atPath: pool.path + "/ab", withIntermediateDirectories: true)
        for name in [String(orphan.dropFirst(2)) + ".xml", ".tmp-999999999-cd"] {
            try Data("<Response/>".utf8).write(to: URL(fileURLWithPath: pool.path + "/ab/" + name))
        }
        let one = try Self.pooled("one/start.xml", of: id, in: store)
        #expect(try store.withLock { try store.prune(StoreRetention(), sweeping: true) }.isEmpty)
        #expect(FileKind(at: pool.path + "/ab") == nil, "both swept, and their emptied directory")
        #expect(FileKind(at: one) == .regular)
        #expect(try LoadedBundle(directory: root).id == id)

        // A link in the pool is not followed, even to a file with the right bytes.
        let moved = root.path + "/moved.xml"
        try FileManager.default.moveItem(atPath: one, toPath: moved)
        try FileManager.default.createSymbolicLink(atPath: one, withDestinationPath: moved)
        #expect { try LoadedBundle(directory: root) } throws: { "\($0)".contains("refused") }
        try FileManager.default.removeItem(atPath: one)
        try Data("<Response><Hangup/></Response>".utf8).write(to: URL(fileURLWithPath: one))
        #expect { try LoadedBundle(directory: root) } throws: { "\($0)".contains("one/start.xml does not match its SHA-256") }
        // Without its document list, what the build needs is not known: nothing is swept.
        let list = store.directory(of: id).path + "/" + DocumentPool.listName
        let listed = try Data(contentsOf: URL(fileURLWithPath: list))
        try FileManager.default.removeItem(atPath: list)
        try store.withLock { _ = try store.prune(StoreRetention(), sweeping: true) }
        #expect(FileKind(at: one) == .regular)
        // With it, `store prune` removes the damaged document and the next build writes it again.
        try listed.write(to: URL(fileURLWithPath: list))
        try store.withLock { _ = try store.prune(StoreRetention(), sweeping: true) }
        #expect(FileKind(at: one) == nil)
        let again = try BundleStoreWriter.write(try Self.flow("Hello", reusing: root), to: root, compilerVersion: "test").outcome
        #expect(again == .written(id: id, reused: 1), "two's document taken as it is, one's compiled again: \(again)")
        #expect(try LoadedBundle(directory: root).id == id)
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
