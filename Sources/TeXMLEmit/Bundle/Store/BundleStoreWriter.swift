import Foundation
import IVRBundle
import IVRCheck
import IVRLang

/// `ivrc build --store DIR`: each build kept in the store as an immutable directory named by
/// its bundle id, then made current, the retired builds the retention does not keep pruned.
/// The same sources give the same id, and a build already stored is verified, not rewritten.
/// A build's directory holds its manifest; its documents go to the store's `DocumentPool`,
/// where a document unchanged since an earlier build is already: storing it costs nothing.
public enum BundleStoreWriter {
    public enum Outcome: Sendable, Equatable {
        /// The build was already current; nothing changed.
        case unchanged(id: String)
        /// The build was stored earlier (a rollback, or a build that stopped before the switch)
        /// and is now current again.
        case restored(id: String)
        /// A new build is stored and current; `reused` of its documents were in the store already.
        case written(id: String, reused: Int)
    }

    public static func write(_ bundle: CompiledBundle, to root: URL, compilerVersion: String, waivers: [Manifest.Waiver] = [],
                             environment: Manifest.Environment? = nil, retention: StoreRetention = StoreRetention(),
                             at moment: Date = Date()) throws -> (outcome: Outcome, pruned: [String]) {
        let store = try BundleStoreDirectory.create(at: root)
        return try store.withLock {
            removeDebris(in: store)
            let encode = { (bundle: CompiledBundle) in
                BundleWriter.manifestBytes(for: bundle, compilerVersion: compilerVersion, waivers: waivers, environment: environment)
            }
            let manifestBytes = encode(bundle)
            let previous = (try? store.currentID()).map { store.directory(of: $0) }
            let pool = DocumentPool(store: store)
            try BundleWriter.requireWithinLimits(bundle, manifestBytes: manifestBytes.count) { path, sha256 in
                var status = stat()
                return pool.size(of: sha256) ?? (previous.map { stat($0.path + "/" + path, &status) == 0 ? Int(status.st_size) : 0 } ?? 0)
            }
            var id = BundleID.of(manifestBytes: manifestBytes)
            var reused: Int?
            if !holdsIntact(id, in: store) {
                (id, reused) = try storeBuild(bundle, in: store, reusingFrom: previous, manifest: manifestBytes, encode: encode)
            }
            let switched = try store.makeCurrent(id, at: moment)
            let pruned = try store.prune(retention, at: moment)
            let outcome: Outcome = if let reused { .written(id: id, reused: reused) } else if switched { .restored(id: id) } else { .unchanged(id: id) }
            return (outcome, pruned)
        }
    }

    /// Puts the build's documents in the pool (those it reuses are there already, or taken in
    /// from a build an earlier ivrc stored whole; any that cannot be is compiled again), stages
    /// its manifest and document list beside the other builds, flushes, and renames the staging
    /// directory to the build's id. A directory already at that name (damaged: `holdsIntact`
    /// said no) is moved aside and removed first.
    private static func storeBuild(_ bundle: CompiledBundle, in store: BundleStoreDirectory, reusingFrom previous: URL?,
                                   manifest: [UInt8], encode: (CompiledBundle) -> [UInt8]) throws -> (id: String, reused: Int) {
        let staging = store.bundlesPath + "/.staging-\(getpid())"
        do {
            let pool = DocumentPool(store: store)
            try pool.add(bundle.documents, hashes: bundle.hashes)
            let refused = pool.take(bundle.reused, from: previous?.path)
            let written = try bundle.recompiling(refused) { try pool.add($0, hashes: [:]) }
            let manifestBytes = refused.isEmpty ? manifest : encode(written)
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for (name, bytes) in [("manifest.json", manifestBytes), (DocumentPool.listName, DocumentPool.listText(written.allHashes.values))] {
                if let failure = BundleWriter.writeFile(staging + "/" + name, bytes) { throw BundleWriter.Failure(description: failure) }
            }
            // A power loss after `build` returns must not leave empty documents behind a valid manifest.
            try DiskFlush.fileSystem(holding: staging)
            let id = BundleID.of(manifestBytes: manifestBytes)
            let destination = store.directory(of: id).path
            if FileKind(at: destination) != nil {
                let aside = store.bundlesPath + "/.damaged-\(id)-\(getpid())"
                guard rename(destination, aside) == 0 else {
                    throw BundleWriter.Failure(description: "cannot move the damaged build \(destination) aside: \(String(cString: strerror(errno)))")
                }
                try? FileManager.default.removeItem(atPath: aside)
            }
            guard rename(staging, destination) == 0 else {
                throw BundleWriter.Failure(description: "cannot store the build as \(destination): \(String(cString: strerror(errno)))")
            }
            try DiskFlush.directory(store.bundlesPath)
            return (id, written.reused.count)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            if error is BundleWriter.Failure || error is InternalCompilerError { throw error }
            throw BundleWriter.Failure(description: "cannot write the build into \(store.root.path): \(error.localizedDescription)")
        }
    }

    /// Whether the store holds build `id` whole: every document present with its recorded hash.
    private static func holdsIntact(_ id: String, in store: BundleStoreDirectory) -> Bool {
        guard let loaded = try? LoadedBundle(directory: store.directory(of: id)) else { return false }
        return loaded.id == id
    }

    /// What builds killed on the way left (their process is gone): staging, pruned and damaged
    /// directories in `bundles/`, a new `current` link or history not yet renamed into place.
    private static func removeDebris(in store: BundleStoreDirectory) {
        let places = [(store.bundlesPath, [".staging-", ".pruned-", ".damaged-"]), (store.root.path, [".current.tmp-", ".history.tmp-"])]
        for (directory, prefixes) in places {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            where prefixes.contains(where: name.hasPrefix) {
                guard let pid = name.split(separator: "-").last.flatMap({ Int32($0) }), pid != getpid(),
                      kill(pid, 0) == -1, errno == ESRCH else { continue }
                try? FileManager.default.removeItem(atPath: directory + "/" + name)
            }
        }
    }
}
