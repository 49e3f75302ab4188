import Foundation
import IVRLang

/// A bundle store on disk, what `ivrc build --store` writes and `ivrc serve` reads:
///
///     DIR/bundles/<bundle-id>/   each build, immutable, named by its manifest's hash
///     DIR/documents/             the builds' documents, by their hash (`DocumentPool`)
///     DIR/cache/snapshot         what the last build learnt of each source file (`IVRBuildCache`)
///     DIR/current                a symbolic link to `bundles/<bundle-id>`, switched atomically
///     DIR/history                when each build became current (`BundleHistory`)
///
/// Nothing is followed that `current` or a history line names unless it is a bundle id: the
/// store never leads outside `DIR/bundles`.
public struct BundleStoreDirectory: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let root: URL
    /// A history longer than this is not read: thousands of deploys fit in far less.
    static let maxHistoryBytes = 4 * 1024 * 1024

    public init(root: URL) {
        self.root = root
    }

    /// Whether `path` is a store: a directory holding a `bundles` directory (neither a link)
    /// and no manifest (a bundle with a flow named `bundles` is a bundle).
    public static func isStore(_ path: String) -> Bool {
        FileKind(at: path) == .directory && FileKind(at: path + "/bundles") == .directory
            && FileKind(at: path + "/manifest.json") == nil
    }

    public var bundlesPath: String { root.path + "/bundles" }
    /// The last build's snapshot (`IVRBuildCache`), relative to the root: a cache any build may
    /// remove, at the cost of the next build's speed.
    public static let snapshotPath = "cache/snapshot"
    public var currentPath: String { root.path + "/current" }
    public var historyPath: String { root.path + "/history" }

    /// The directory of the build `id`, which must be a bundle id.
    public func directory(of id: String) -> URL {
        precondition(BundleID.isValid(id), "not a bundle id: \(id)")
        return root.appendingPathComponent("bundles").appendingPathComponent(id)
    }

    /// The id `current` points at. A link to anything but `bundles/<bundle-id>` is refused, not followed.
    public func currentID() throws -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let length = readlink(currentPath, &buffer, buffer.count - 1)
        guard length >= 0 else {
            throw Failure(description: errno == ENOENT ? "\(currentPath) is missing: no build was made current in this store"
                : "\(currentPath) is not a link to a build (\(String(cString: strerror(errno))))")
        }
        let target = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard target.hasPrefix("bundles/"), BundleID.isValid(target.dropFirst("bundles/".count)) else {
            throw Failure(description: "\(currentPath) points at `\(target)`, not at a build of this store (bundles/<bundle-id>)")
        }
        return String(target.dropFirst("bundles/".count))
    }

    /// The history; empty when the file is missing or unreadable (nothing then is retired).
    public func history() -> BundleHistory {
        guard let directory = try? ConfinedDirectory(root.path),
              let bytes = try? directory.read("history", limit: Self.maxHistoryBytes) else { return BundleHistory() }
        return BundleHistory(text: String(decoding: bytes, as: UTF8.self))
    }

    /// The ids of the builds in `bundles/` (staging and other debris is not a bundle id).
    public func storedIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: bundlesPath)) ?? [])
            .filter { BundleID.isValid($0) && FileKind(at: bundlesPath + "/" + $0) == .directory }
            .sorted()
    }

    /// The builds retired less than `gracePeriod` before `now` that are still stored, newest
    /// first, with when each was retired: the bundles calls may still be on. `history` is the
    /// store's, read now unless the caller has just read it.
    public func retained(current: String?, gracePeriod: TimeInterval, at now: Date = Date(),
                         history: BundleHistory? = nil) -> [BundleHistory.Entry] {
        let stored = Set(storedIDs())
        return (history ?? self.history()).retired(current: current)
            .filter { stored.contains($0.id) && now.timeIntervalSince($0.since) <= gracePeriod }
    }

    /// The store a build directory `DIR/bundles/<bundle-id>` belongs to; nil for any other
    /// directory (a bundle written the old way).
    public static func store(holding build: URL) -> BundleStoreDirectory? {
        let build = build.standardizedFileURL
        let bundles = build.deletingLastPathComponent()
        let root = bundles.deletingLastPathComponent()
        guard BundleID.isValid(build.lastPathComponent), bundles.lastPathComponent == "bundles", isStore(root.path) else { return nil }
        return BundleStoreDirectory(root: root)
    }

    /// What a reader of a bundle directory opens: the store's current build when `directory`
    /// is a store, else `directory` itself (a bundle written the old way).
    public static func bundleDirectory(_ directory: URL) throws -> URL {
        guard isStore(directory.path) else { return directory }
        let store = BundleStoreDirectory(root: directory)
        return store.directory(of: try store.currentID())
    }
}
