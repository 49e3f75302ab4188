import Foundation

/// The git work tree a folder lies in: the nearest folder upward holding `.git` (a folder,
/// or a file in a linked worktree). Where GitHub reads workflows, and where `--env` stops
/// looking for `environments/`.
enum RepositoryRoot {
    /// `folder` is made absolute against the current directory; nil outside any repository.
    static func containing(_ folder: String) -> String? {
        var candidate = absolute(folder)
        while true {
            if FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent(".git")) { return candidate }
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate || parent.isEmpty { return nil }
            candidate = parent
        }
    }

    /// `path` made absolute against the current directory, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    /// `path` as the designer reads it: relative to the current directory (`../environments/…`
    /// from a folder of the repository), absolute when the two share no folder but `/`.
    static func shown(_ path: String) -> String {
        let here = absolute(".").split(separator: "/"), target = path.split(separator: "/")
        let shared = zip(here, target).prefix { $0 == $1 }.count
        guard shared > 0 else { return path }
        let parts = Array(repeating: "..", count: here.count - shared) + target.dropFirst(shared).map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// `path` relative to `root` (`.` for the root itself); nil when it is not under it.
    static func relative(_ path: String, to root: String) -> String? {
        if path == root { return "." }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
