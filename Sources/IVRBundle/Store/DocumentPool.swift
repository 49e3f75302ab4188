import Foundation
import IVRLang

/// The documents of a store's builds, one file per distinct document, named by its SHA-256:
///
///     DIR/documents/<first two hex digits>/<the other 62>.xml
///
/// A build `ivrc build --store` writes holds only its manifest (and `documents.list`, the
/// hashes it names); its documents are read from here by the hash the manifest records. A
/// document unchanged between builds is one file, written once, so storing a build costs what
/// changed, not what it holds. Files here are never modified: each is written beside its name,
/// flushed and renamed into place, and removed only when no stored build names it.
public struct DocumentPool: Sendable {
    /// The store's root (`DIR`).
    public let root: URL

    public init(store: BundleStoreDirectory) {
        root = store.root
    }

    public static let directoryName = "documents"
    /// The file in a build's directory listing the SHA-256 of every document it names, one per
    /// line, sorted: what pruning keeps in the pool without decoding every stored manifest.
    public static let listName = "documents.list"

    public var path: String { root.path + "/" + Self.directoryName }

    /// `documents/ab/cdef….xml` for a SHA-256 in lowercase hex; nil for anything else, so a
    /// value read from a manifest can never name a file outside the pool.
    public static func relativePath(of sha256: some StringProtocol) -> String? {
        guard isSHA256(sha256) else { return nil }
        let hex = String(sha256)
        return directoryName + "/" + hex.prefix(2) + "/" + hex.dropFirst(2) + ".xml"
    }

    public static func isSHA256(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The hashes a build's `documents.list` names; nil when the list is missing, too large or
    /// holds a line that is not a SHA-256 (then nothing is known to be unused).
    public static func list(in build: ConfinedDirectory) -> Set<String>? {
        guard let bytes = try? build.read(listName, limit: BundleLimits.maxManifestBytes) else { return nil }
        var hashes: Set<String> = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let hash = String(decoding: line, as: UTF8.self)
            guard isSHA256(hash) else { return nil }
            hashes.insert(hash)
        }
        return hashes
    }

    /// The text of a `documents.list` naming `hashes`.
    public static func listText(_ hashes: some Sequence<String>) -> [UInt8] {
        Array(Set(hashes).sorted().map { $0 + "\n" }.joined().utf8)
    }
}
