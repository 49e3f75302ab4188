import Foundation

/// Replaces a file's contents so readers see the old file or the new one, never half of
/// each: the new bytes go to a temporary file beside it, which is renamed over it. The
/// file keeps its permissions; a symbolic link is followed, not replaced.
enum AtomicFile {
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).ivrc-fmt-\(UUID().uuidString)")
        let attributes = try? FileManager.default.attributesOfItem(atPath: target.path)
        let permissions = attributes?[.posixPermissions].map { [FileAttributeKey.posixPermissions: $0] }
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes), attributes: permissions) else {
            throw UsageFailure("cannot write next to \(path) (is the directory writable?)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw UsageFailure("cannot replace \(path): \(reason)")
        }
    }
}
