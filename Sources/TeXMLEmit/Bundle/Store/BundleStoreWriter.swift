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
        /// The build now current.
        public var id: String {
            switch self {
            case .unchanged(let id), .restored(let id), .written(let id, _): id
            }
        }

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
        try locked(root, retention: retention, at: moment) { store in
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
            let id = BundleID.of(manifestBytes: manifestBytes)
            if holdsIntact(id, in: store) { return (id, nil) }
            return try staged(in: store) {
                try pool.add(bundle.documents, hashes: bundle.hashes)
                let refused = pool.take(bundle.reused, from: previous?.path)
                let written = try bundle.recompiling(refused) { try pool.add($0, hashes: [:]) }
                return (refused.isEmpty ? manifestBytes : encode(written), written.allHashes.values.map { $0 }, written.reused.count)
            }
        }
    }

    /// A build put together without compiling the flows that did not change (`IVRBuildCache`):
    /// its manifest's bytes, the documents compiled for it (`hashes` their SHA-256, by bundle
    /// path), and the SHA-256 of the documents it takes as they are, which the store must hold
    /// (`keptBytes` of them in all; all documents of the build `base`).
    public struct AssembledBuild: Sendable {
        public let manifest: [UInt8]
        /// The build's id (`BundleID` of `manifest`), taken once.
        public let id: String
        public let documents: [String: [UInt8]]
        public let hashes: [String: String]
        public let kept: [String]
        public let keptBytes: Int
        public let base: String

        public init(manifest: [UInt8], documents: [String: [UInt8]], hashes: [String: String], kept: [String], keptBytes: Int,
                    base: String) {
            self.manifest = manifest
            id = BundleID.of(manifestBytes: manifest)
            self.documents = documents
            self.hashes = hashes
            self.kept = kept
            self.keptBytes = keptBytes
            self.base = base
        }
    }

    /// The store lacks a document an assembled build takes as it is: build it from its sources
    /// (the snapshot that vouched for it is gone, so the next build is whole).
    public struct MissingDocuments: Error {
        public init() {}
    }

    /// Stores `build` as `write` stores a compiled bundle. Throws `MissingDocuments`, having
    /// changed nothing, when the store's pool lacks one of `build.kept`. `underLock` runs first,
    /// holding the store's lock: the caller's last look at what the build was made from (it
    /// throws to store nothing), and its own writes that must not race a prune.
    public static func write(_ build: AssembledBuild, to root: URL, retention: StoreRetention = StoreRetention(),
                             at moment: Date = Date(), underLock: () throws -> Void = {}) throws -> (outcome: Outcome, pruned: [String]) {
        try locked(root, retention: retention, at: moment) { store in
            try underLock()
            let pool = DocumentPool(store: store)
            if isStored(build, in: store) {
                // Deleted by hand: the snapshot no longer vouches for them; the next build is whole and writes them.
                guard (build.kept + build.hashes.values).allSatisfy(pool.holds) else {
                    unlink(store.root.path + "/" + BundleStoreDirectory.snapshotPath)
                    throw MissingDocuments()
                }
                return (build.id, nil)
            }
            // Looked for again under the lock: a prune since the caller looked may have removed some.
            guard pool.holdsAll(build.kept, of: build.base) else { throw MissingDocuments() }
            let documentBytes = build.documents.values.reduce(build.keptBytes) { $0 + $1.count }
            if let excess = BundleLimits.excess(documents: build.documents.count + build.kept.count, manifestBytes: build.manifest.count,
                                                documentBytes: documentBytes) {
                throw BundleWriter.Failure(description: "the bundle would hold \(excess), which `ivrc serve` refuses to load; "
                    + "split the flows into several bundles")
            }
            return try staged(in: store, id: build.id) {
                try pool.add(build.documents, hashes: build.hashes)
                return (build.manifest, build.kept + build.hashes.values, build.kept.count)
            }
        }
    }

    /// Under the store's lock, debris of dead builds removed: `body` stores the build (or finds
    /// it stored: nil reused), which is then made current and the retention pruned.
    private static func locked(_ root: URL, retention: StoreRetention, at moment: Date,
                               _ body: (BundleStoreDirectory) throws -> (id: String, reused: Int?)) throws -> (outcome: Outcome, pruned: [String]) {
        let store = try BundleStoreDirectory.create(at: root)
        return try store.withLock {
            removeDebris(in: store)
            let (id, reused) = try body(store)
            let switched = try store.makeCurrent(id, at: moment)
            let pruned = try store.prune(retention, at: moment)
            let outcome: Outcome = if let reused { .written(id: id, reused: reused) } else if switched { .restored(id: id) } else { .unchanged(id: id) }
            return (outcome, pruned)
        }
    }

    /// `documents` puts the build's documents in the pool and returns its manifest, the SHA-256
    /// of every document it names and how many it reused; then its manifest and document list
    /// are staged beside the other builds, flushed, and the staging directory renamed to the
    /// build's id (`id` when the caller has taken it). A directory already at that name
    /// (damaged: `holdsIntact` said no) is moved aside and removed first.
    private static func staged(in store: BundleStoreDirectory, id known: String? = nil,
                               documents: () throws -> (manifest: [UInt8], hashes: [String], reused: Int)) throws -> (id: String, reused: Int?) {
        let staging = store.bundlesPath + "/.staging-\(getpid())"
        do {
            let (manifestBytes, hashes, reused) = try documents()
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for (name, bytes) in [("manifest.json", manifestBytes), (DocumentPool.listName, DocumentPool.listText(hashes))] {
                if let failure = BundleWriter.writeFile(staging + "/" + name, bytes) { throw BundleWriter.Failure(description: failure) }
            }
            // A power loss after `build` returns must not leave empty documents behind a valid manifest.
            try DiskFlush.fileSystem(holding: staging)
            let id = known ?? BundleID.of(manifestBytes: manifestBytes)
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
            return (id, reused)
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

    /// Whether the store holds `build`: its manifest's bytes and its document list as a build
    /// writes them. Documents are not read, as the documents an assembled build keeps are not
    /// (the server verifies each it loads, `ivrc store prune` removes damaged ones): a build from
    /// sources that did not change costs milliseconds, not a reading of every document (a second
    /// for 1,000 flows).
    private static func isStored(_ build: AssembledBuild, in store: BundleStoreDirectory) -> Bool {
        guard let directory = try? ConfinedDirectory(store.directory(of: build.id).path),
              (try? directory.read("manifest.json", limit: build.manifest.count)) == build.manifest else { return false }
        return DocumentPool.sortedList(in: directory) == DocumentPool.listText(build.kept + build.hashes.values)
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
