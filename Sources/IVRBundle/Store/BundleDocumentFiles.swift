import Foundation
import IVRLang

/// Where the documents of a bundle directory are on disk: beside its manifest (a bundle written
/// the old way, or a build an earlier ivrc stored), or in its store's `DocumentPool`, by hash.
public struct BundleDocumentFiles: Sendable {
    /// The directory the relative paths below are read from.
    public let directory: ConfinedDirectory
    /// Whether the documents are read from the store's pool.
    public let pooled: Bool

    /// The files of the bundle whose manifest is `manifest`, in `bundle` (the directory `build`).
    /// A build directory of a store whose first document is not beside its manifest reads them
    /// all from the store's pool.
    public init(of manifest: Manifest, in bundle: ConfinedDirectory, at build: URL) throws {
        if let store = BundleStoreDirectory.store(holding: build), let first = manifest.documents.keys.min(),
           LoadedBundle.isSafe(first), try bundle.kind(of: first) == nil {
            directory = try ConfinedDirectory(store.root.path)
            pooled = true
        } else {
            directory = bundle
            pooled = false
        }
    }

    /// The file of document `path` whose recorded hash is `sha256`, relative to `directory`; nil
    /// when the hash cannot name a pool file.
    public func relativePath(of path: String, sha256: String) -> String? {
        pooled ? DocumentPool.relativePath(of: sha256) : path
    }

    /// The bytes of document `path`, refused over `limit`; failures name the file read.
    public func read(_ path: String, sha256: String, limit: Int) throws -> [UInt8] {
        guard let file = relativePath(of: path, sha256: sha256) else {
            throw LoadedBundle.Failure(description: "the manifest records `\(sha256)` as the SHA-256 of \(path), which is not one")
        }
        return try directory.read(file, limit: limit, display: nil)
    }
}
