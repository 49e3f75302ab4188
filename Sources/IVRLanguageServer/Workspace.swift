import Foundation
import IVRLang

/// The flows the server checks together: every `*.ivr` under the workspace root as stored on
/// disk, with the editor's text in place of a file while it is open (open files outside the
/// root join the workspace while they are open).
struct Workspace {
    struct OpenDocument {
        let version: Int
        let bytes: [UInt8]
    }

    /// Files above this size are left out rather than read (as `ivrc check` refuses them).
    static let maxFileSize = 64 * 1024 * 1024

    let root: String?
    private(set) var stored: [String: [UInt8]] = [:]
    private(set) var open: [String: OpenDocument] = [:]

    /// Reads the root's flows. A tree that cannot be read leaves the workspace to the open files.
    init(root: String?) {
        self.root = root
        guard let root, let entries = try? FileTree.entries(under: root), let tree = try? ConfinedDirectory(root) else {
            return
        }
        for entry in entries where entry.kind != .directory && entry.relativePath.hasSuffix(".ivr") {
            if let bytes = try? tree.read(entry.relativePath, limit: Self.maxFileSize, links: .followWithin) {
                stored[tree.path(of: entry.relativePath)] = bytes
            }
        }
    }

    mutating func openDocument(_ path: String, version: Int, text: String) {
        open[path] = OpenDocument(version: version, bytes: Array(text.utf8))
    }

    /// A closed document is the stored file again (re-read: it may have been saved).
    mutating func closeDocument(_ path: String) {
        open[path] = nil
        reread(path)
    }

    mutating func reread(_ path: String) {
        stored[path] = try? ConfinedDirectory.readFile(atPath: path, limit: Self.maxFileSize)
    }

    func bytes(of path: String) -> [UInt8]? {
        open[path]?.bytes ?? stored[path]
    }

    func version(of path: String) -> Int? {
        open[path]?.version
    }

    /// Every file's bytes, in path order so every check sees the same order.
    var files: [(path: String, bytes: [UInt8])] {
        Set(stored.keys).union(open.keys).sorted().compactMap { path in
            bytes(of: path).map { (path: path, bytes: $0) }
        }
    }

    var sources: [SourceFile] {
        files.map { SourceFile(path: $0.path, bytes: $0.bytes) }
    }
}
