import Foundation
import IVRLang

/// Where a build stages its bundle: `.NAME.tmp-PID` beside the target (same file system, so
/// it can be swapped in). After the swap the same name holds the old bundle until it is
/// removed. A build killed on the way leaves debris named after its process, and the next
/// build of the same target removes the debris of every process that is gone.
struct StagingDirectory {
    let path: String

    init(for target: URL) {
        path = target.deletingLastPathComponent()
            .appendingPathComponent(Self.prefix(for: target) + String(getpid())).path
    }

    /// Removes the staging directories of builds of `target` whose process no longer runs.
    /// Another build still running keeps its own; anything that is not a directory is left.
    static func removeStale(for target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefix = prefix(for: target)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            // `.old` is where ivrc before the atomic swap moved the previous bundle aside.
            let owner = name.dropFirst(prefix.count).replacingOccurrences(of: ".old", with: "")
            guard let pid = Int32(owner), pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            let debris = parent.appendingPathComponent(name).path
            guard FileKind(at: debris) == .directory else { continue }
            try? FileManager.default.removeItem(atPath: debris)
        }
    }

    private static func prefix(for target: URL) -> String {
        ".\(target.lastPathComponent).tmp-"
    }
}
