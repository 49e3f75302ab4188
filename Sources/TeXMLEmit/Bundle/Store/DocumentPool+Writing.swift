import Foundation
import IVRBundle
import IVRCheck
import IVRLang

/// What a build does to its store's pool: adds the documents it compiled, takes in those it
/// reuses, and, when builds are pruned, removes the files no stored build names. Call each
/// holding the store's lock.
extension DocumentPool {
    /// Whether the pool holds a regular file for `sha256`. Its bytes are not read: files here
    /// are written only by a build, whole, under the name of their hash; the server verifies
    /// every document it loads.
    func holds(_ sha256: String) -> Bool {
        guard let relative = Self.relativePath(of: sha256) else { return false }
        return FileKind(at: rootPath + "/" + relative) == .regular
    }

    /// Whether the pool holds `bytes` as the file for `sha256`: compared only when a file is there.
    private func holds(_ sha256: String, bytes: [UInt8]) -> Bool {
        guard size(of: sha256) == bytes.count, let pool = try? ConfinedDirectory(rootPath) else { return false }
        return (try? pool.read(Self.relativePath(of: sha256)!, limit: bytes.count)) == bytes
    }

    /// Whether the pool holds every one of `hashes`, all of them documents of the build `build`
    /// when one is named. Pruning never removes a document a stored build names (and the server
    /// verifies each it loads), so while that build is stored nothing is looked for; else those
    /// the current build's `documents.list` names are not looked for one by one (16,000 `lstat`s
    /// took a tenth of a second).
    public func holdsAll(_ hashes: [String], of build: String? = nil) -> Bool {
        let store = BundleStoreDirectory(root: root)
        if let build, BundleID.isValid(build), FileKind(at: store.directory(of: build).path + "/" + Self.listName) == .regular {
            return true
        }
        let listed = (try? store.currentID()).flatMap { try? ConfinedDirectory(store.directory(of: $0).path) }
            .flatMap(Self.list(in:)) ?? []
        return hashes.allSatisfy { listed.contains($0) || holds($0) }
    }

    /// The size of the file for `sha256`; nil when the pool has none.
    public func size(of sha256: String) -> Int? {
        guard let relative = Self.relativePath(of: sha256) else { return nil }
        var status = stat()
        guard lstat(rootPath + "/" + relative, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Adds each of `documents` (bytes by bundle path, `hashes` their SHA-256) the pool does
    /// not hold yet, or holds with other bytes (damaged), on every core: written beside its name
    /// and renamed into place, so a reader finds it whole or not at all. Not flushed: the build
    /// flushes the file system once.
    func add(_ documents: [String: [UInt8]], hashes: [String: String]) throws {
        let byHash = Dictionary(documents.map { (hashes[$0.key] ?? DocumentHash.sha256($0.value), $0.value) }) { first, _ in first }
        let missing = byHash.filter { !holds($0.key, bytes: $0.value) }.keys.sorted()
        guard !missing.isEmpty else { return }
        try makeDirectories(for: missing)
        let failures = ParallelResults<String?>(count: missing.count)
        DispatchQueue.concurrentPerform(iterations: missing.count) { index in
            let final = rootPath + "/" + Self.relativePath(of: missing[index])!
            let temporary = temporaryPath(for: missing[index])
            unlink(temporary)
            if let failure = BundleWriter.writeFile(temporary, byHash[missing[index]]!) {
                unlink(temporary)
                return failures.set(index, failure)
            }
            guard rename(temporary, final) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                return failures.set(index, "cannot put \(final) in place: \(reason)")
            }
            failures.set(index, nil)
        }
        if let failure = failures.values.compactMap({ $0 }).first { throw BundleWriter.Failure(description: failure) }
    }

    /// Of `reused` (recorded SHA-256 by bundle path), the paths whose document the pool lacks
    /// and could not take from the build at `previous` that an earlier ivrc stored with its
    /// documents beside its manifest (hard-linked, read back and verified): those must be
    /// compiled again.
    func take(_ reused: [String: String], from previous: String?) -> Set<String> {
        let lacking = reused.filter { !holds($0.value) }.sorted { $0.key < $1.key }
        guard !lacking.isEmpty else { return [] }
        guard let previous, (try? makeDirectories(for: lacking.map(\.value))) != nil,
              let pool = try? ConfinedDirectory(rootPath) else { return Set(lacking.map(\.key)) }
        let taken = ParallelResults<Bool>(count: lacking.count)
        DispatchQueue.concurrentPerform(iterations: lacking.count) { index in
            let (path, sha256) = lacking[index]
            let temporary = String(temporaryPath(for: sha256).dropFirst(rootPath.count + 1))
            unlink(rootPath + "/" + temporary)
            let linked = DocumentReuse.linkVerified(previous + "/" + path, to: temporary, in: pool, sha256: sha256)
            let placed = linked && rename(rootPath + "/" + temporary, rootPath + "/" + Self.relativePath(of: sha256)!) == 0
            if linked && !placed { unlink(rootPath + "/" + temporary) }
            taken.set(index, placed)
        }
        return Set(zip(lacking, taken.values).filter { !$0.1 }.map(\.0.key))
    }

    /// Removes every file of the pool whose hash is not in `kept`, and what a build killed
    /// while writing left (`.tmp-` files); `verifying`, also every file whose bytes do not have
    /// the hash it is named by, so the next build writes it again. Returns how many files were removed.
    @discardableResult
    func sweep(keeping kept: Set<String>, verifying: Bool = false) -> Int {
        let files = FileManager.default
        var removed = 0
        for prefix in (try? files.contentsOfDirectory(atPath: path)) ?? [] where prefix.utf8.count == 2 {
            let directory = path + "/" + prefix
            guard FileKind(at: directory) == .directory else { continue }
            for name in (try? files.contentsOfDirectory(atPath: directory)) ?? [] {
                let hash = prefix + name.dropLast(".xml".count)
                let named = name.hasSuffix(".xml") && Self.isSHA256(hash)
                let stale = name.hasPrefix(".tmp-") || (named && (!kept.contains(hash) || (verifying && !isIntact(hash))))
                if stale, unlink(directory + "/" + name) == 0 { removed += 1 }
            }
            rmdir(directory)  // only when empty
        }
        return removed
    }

    /// Removes the file for `sha256`, if there is one.
    func remove(_ sha256: String) {
        guard let relative = Self.relativePath(of: sha256) else { return }
        unlink(rootPath + "/" + relative)
    }

    /// The hashes of the sorted list `candidates` that none of the sorted lists `others` names:
    /// each other list walked beside the candidates once.
    static func unnamed(_ candidates: [UInt8], by others: [[UInt8]]) -> [String] {
        let count = candidates.count / 65
        var named = [Bool](repeating: false, count: count)
        candidates.withUnsafeBytes { mine in
            for other in others {
                other.withUnsafeBytes { theirs in
                    var (index, cursor) = (0, 0)
                    while index < count && cursor < other.count / 65 {
                        let order = memcmp(mine.baseAddress! + index * 65, theirs.baseAddress! + cursor * 65, 64)
                        if order == 0 { named[index] = true }
                        if order <= 0 { index += 1 }
                        if order >= 0 { cursor += 1 }
                    }
                }
            }
        }
        return (0..<count).filter { !named[$0] }.map { String(decoding: candidates[($0 * 65)..<($0 * 65 + 64)], as: UTF8.self) }
    }

    /// Whether the file for `sha256` is a regular file whose bytes have that hash.
    private func isIntact(_ sha256: String) -> Bool {
        guard let pool = try? ConfinedDirectory(rootPath),
              let bytes = try? pool.read(Self.relativePath(of: sha256)!, limit: BundleLimits.maxDocumentBytes) else { return false }
        return DocumentHash.sha256(bytes) == sha256
    }

    private func temporaryPath(for sha256: String) -> String {
        rootPath + "/" + Self.directoryName + "/" + sha256.prefix(2) + "/.tmp-\(getpid())-" + sha256.dropFirst(2)
    }

    /// The pool and the fan-out directories of `hashes`.
    private func makeDirectories(for hashes: [String]) throws {
        for directory in [path] + Set(hashes.map { path + "/" + $0.prefix(2) }).sorted()
        where mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw BundleWriter.Failure(description: "cannot create \(directory): \(String(cString: strerror(errno)))")
        }
    }
}
