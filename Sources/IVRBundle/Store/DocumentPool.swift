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
    /// `root.path`, taken once: `URL.path` is slow enough to matter for each of 16,000 documents.
    public let rootPath: String

    public init(store: BundleStoreDirectory) {
        root = store.root
        rootPath = store.root.path
    }

    public static let directoryName = "documents"
    /// The file in a build's directory listing the SHA-256 of every document it names, one per
    /// line, sorted: what pruning keeps in the pool without decoding every stored manifest.
    public static let listName = "documents.list"

    public var path: String { rootPath + "/" + Self.directoryName }

    /// `documents/ab/cdef….xml` for a SHA-256 in lowercase hex; nil for anything else, so a
    /// value read from a manifest can never name a file outside the pool. Inlinable, as
    /// `isSHA256`, so that callers elsewhere get it specialized for their string type.
    @inlinable
    public static func relativePath(of sha256: some StringProtocol) -> String? {
        guard isSHA256(sha256) else { return nil }
        let hex = String(sha256)
        return directoryName + "/" + hex.prefix(2) + "/" + hex.dropFirst(2) + ".xml"
    }

    @inlinable
    public static func isSHA256(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The hashes a build's `documents.list` names; nil when the list is missing, too large or
    /// not one a build writes (then nothing is known to be unused).
    public static func list(in build: ConfinedDirectory) -> Set<String>? {
        sortedList(in: build).map { Set(hashes(inList: $0)) }
    }

    /// The bytes of a build's `documents.list` when each line is a SHA-256 and the lines are in
    /// strictly increasing order, as builds write it; nil otherwise.
    public static func sortedList(in build: ConfinedDirectory) -> [UInt8]? {
        guard let bytes = try? build.read(listName, limit: BundleLimits.maxManifestBytes), bytes.count % 65 == 0 else { return nil }
        let lines = bytes.count / 65
        let valid = bytes.withUnsafeBytes { buffer -> Bool in
            for line in 0..<lines {
                let start = line * 65
                guard buffer[start + 64] == UInt8(ascii: "\n"),
                      buffer[start..<(start + 64)].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
                      line == 0 || memcmp(buffer.baseAddress! + start - 65, buffer.baseAddress! + start, 64) < 0 else { return false }
            }
            return true
        }
        return valid ? bytes : nil
    }

    /// The hashes of a list `sortedList` read.
    public static func hashes(inList list: [UInt8]) -> [String] {
        stride(from: 0, to: list.count, by: 65).map { String(decoding: list[$0..<($0 + 64)], as: UTF8.self) }
    }

    /// The text of a `documents.list` naming `hashes`.
    public static func listText(_ hashes: some Sequence<String>) -> [UInt8] {
        Array(Set(hashes).sorted().map { $0 + "\n" }.joined().utf8)
    }
}
