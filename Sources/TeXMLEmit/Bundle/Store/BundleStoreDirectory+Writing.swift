import Foundation
import IVRBundle
import IVRLang

/// The writes a store takes: created, locked against a second build, its `current` switched
/// and its history recorded, pruned. Each leaves the store valid at every instant: a build
/// killed at any point leaves at worst a staging directory the next build removes.
extension BundleStoreDirectory {
    /// Opens the store at `root`, creating it when nothing (or an empty directory) is there. A
    /// directory holding anything else (a bundle written without `--store`, a home directory)
    /// is refused rather than taken over.
    public static func create(at root: URL) throws -> BundleStoreDirectory {
        let store = BundleStoreDirectory(root: root)
        if isStore(root.path) { return store }
        switch FileKind(at: root.path) {
        case nil:
            break
        case .directory?:
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? ["?"]
            guard contents.isEmpty else {
                let what = contents.contains("manifest.json") ? "a bundle written without --store" : "files that are not a bundle store"
                throw BundleWriter.Failure(description: "refusing to make \(root.path) a bundle store: it holds \(what); "
                    + "give --store an empty or new directory (a server reading the old bundle reads the store the same way)")
            }
        case let kind?:
            throw BundleWriter.Failure(description: "\(root.path) is a \(kind), not a directory; give --store a directory")
        }
        do {
            try FileManager.default.createDirectory(atPath: store.bundlesPath, withIntermediateDirectories: true)
        } catch {
            throw BundleWriter.Failure(description: "cannot create the bundle store \(root.path): \(error.localizedDescription)")
        }
        return store
    }

    /// Runs `body` holding the store's lock (`flock` on `DIR/.lock`), so two builds racing into
    /// one store take turns: each sees the other's build and history complete.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        let descriptor = open(root.path + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BundleWriter.Failure(description: "cannot lock the bundle store \(root.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            throw BundleWriter.Failure(description: "cannot lock the bundle store \(root.path): \(String(cString: strerror(errno)))")
        }
        return try body()
    }

    /// Points `current` at the stored build `id` (a new link renamed over the old one: a reader
    /// sees the old build or the new, never none) and records the switch in the history.
    /// Returns false when `id` already was current. Call it holding the lock.
    public func makeCurrent(_ id: String, at moment: Date) throws -> Bool {
        if (try? currentID()) == id { return false }
        let link = root.path + "/.current.tmp-\(getpid())"
        unlink(link)
        guard symlink("bundles/" + id, link) == 0, rename(link, currentPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(link)
            throw BundleWriter.Failure(description: "cannot make \(id) current in \(root.path): \(reason)")
        }
        var history = history()
        history.record(id, at: moment)
        try writeHistory(history)
        try DiskFlush.directory(root.path)
        return true
    }

    /// Removes the retired builds `retention` does not keep (and the history lines naming only
    /// them), oldest first; never the current build. Each is renamed aside before it is
    /// deleted, so a server loading it meanwhile finds it whole or absent; then the documents
    /// only removed builds named leave the pool (`DocumentPool.unnamed`: a merge of sorted
    /// lists, so a build that prunes one build pays for two lists, not for the whole pool).
    /// `sweeping` (`ivrc store prune`) looks at the whole pool instead: every document no stored
    /// build names (debris of killed builds too), those whose bytes do not match their hash
    /// (damaged: the next build writes them again), and the last build's snapshot when a
    /// document a stored build names is gone (removed so, or by hand): the snapshot takes them
    /// as present, so the next build must be whole. Call it holding the lock. Returns the ids removed.
    @discardableResult
    public func prune(_ retention: StoreRetention, at now: Date = Date(), sweeping: Bool = false) throws -> [String] {
        let current = try? currentID()
        let retired = history().retired(current: current)
        var kept = Set(current.map { [$0] } ?? [])
        for entry in retired where now.timeIntervalSince(entry.since) <= retention.keepFor && kept.count <= retention.keepCount {
            kept.insert(entry.id)
        }
        // A build stored but never current (its build died before the switch) is not kept
        // either, unless it is newer than anything current: a build running now may switch to it.
        let removed = storedIDs().filter { !kept.contains($0) && !isBeingMadeCurrent($0, retired: retired) }
        // Read before they go: the documents only they name leave the pool after them.
        let removedLists = removed.map { (try? ConfinedDirectory(directory(of: $0).path)).flatMap(DocumentPool.sortedList(in:)) }
        for id in removed {
            let aside = bundlesPath + "/.pruned-\(id)-\(getpid())"
            guard rename(directory(of: id).path, aside) == 0 else { continue }
            try? FileManager.default.removeItem(atPath: aside)
        }
        var history = history()
        history.keepOnly(kept)
        try writeHistory(history)
        let pool = DocumentPool(store: self)
        if sweeping, let named = documentsNamed() {
            pool.sweep(keeping: named, verifying: true)
            if named.contains(where: { !pool.holds($0) }) { unlink(root.path + "/" + Self.snapshotPath) }
        } else if !removed.isEmpty, let others = sortedListsOfStoredBuilds() {
            for hash in removedLists.compactMap({ $0 }).flatMap({ DocumentPool.unnamed($0, by: others) }) { pool.remove(hash) }
        }
        return removed
    }

    /// Each stored build's `documents.list`, sorted as written; nil when one cannot be read
    /// and its documents are not beside its manifest (then what is unnamed is not known).
    private func sortedListsOfStoredBuilds() -> [[UInt8]]? {
        var lists: [[UInt8]] = []
        for id in storedIDs() {
            guard let build = try? ConfinedDirectory(directory(of: id).path) else { return nil }
            if let list = DocumentPool.sortedList(in: build) {
                lists.append(list)
                continue
            }
            guard let manifest = try? LoadedBundle.manifest(in: build),
                  let files = try? BundleDocumentFiles(of: manifest, in: build, at: directory(of: id)), !files.pooled else { return nil }
        }
        return lists
    }

    /// Every document hash a stored build names (its `documents.list`); nil when that cannot be
    /// known for sure (see `sortedListsOfStoredBuilds`), and nothing may then be swept.
    private func documentsNamed() -> Set<String>? {
        sortedListsOfStoredBuilds().map { Set($0.flatMap(DocumentPool.hashes(inList:))) }
    }

    /// A stored build that was never current is one a build wrote and has not switched to yet,
    /// or one whose build died: kept while it is younger than a minute.
    private func isBeingMadeCurrent(_ id: String, retired: [BundleHistory.Entry]) -> Bool {
        guard !retired.contains(where: { $0.id == id }) else { return false }
        var status = stat()
        guard stat(directory(of: id).path, &status) == 0 else { return false }
        return Date().timeIntervalSince1970 - TimeInterval(status.st_mtim.tv_sec) < 60
    }

    /// The history replaced whole: written beside, flushed, renamed over.
    private func writeHistory(_ history: BundleHistory) throws {
        let temporary = root.path + "/.history.tmp-\(getpid())"
        do {
            try Data(history.text.utf8).write(to: URL(fileURLWithPath: temporary))
            let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 { fsync(descriptor); close(descriptor) }
            guard rename(temporary, historyPath) == 0 else { throw BundleWriter.Failure(description: String(cString: strerror(errno))) }
        } catch {
            unlink(temporary)
            throw BundleWriter.Failure(description: "cannot record the history of \(root.path): \(error)")
        }
    }
}
