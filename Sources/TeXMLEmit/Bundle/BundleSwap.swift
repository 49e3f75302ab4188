import CLinuxFileSystem
import Foundation
import IVRLang

/// Puts a staged bundle at its target in one step, so a reader (`ivrc serve` reloading, a
/// deploy script) finds the complete old bundle or the complete new one, never none — also
/// when the build is killed at any instant.
enum BundleSwap {
    /// Moves `staging` to `target`. When something is at `target` (a bundle, checked by the
    /// caller) the two are exchanged with Linux `renameat2(RENAME_EXCHANGE)`, and the old
    /// bundle is then at `staging`; returns whether that happened. The parent directory is
    /// flushed to disk before returning, so the swap survives a power loss.
    static func swap(_ staging: String, into target: String) throws -> Bool {
        let exchanged = FileKind(at: target) != nil
        let result = exchanged ? ivrc_rename_exchange(staging, target) : rename(staging, target)
        guard result == 0 else {
            let code = errno
            let reason = String(cString: strerror(code))
            if exchanged && (code == EINVAL || code == ENOSYS) {
                throw BundleWriter.Failure(description: "the file system of \(target) cannot swap directories atomically "
                    + "(renameat2 RENAME_EXCHANGE: \(reason)); remove \(target) first, or build on a local file system")
            }
            throw BundleWriter.Failure(description: "cannot move the new bundle into \(target): \(reason)")
        }
        try DiskFlush.directory((target as NSString).deletingLastPathComponent)
        return exchanged
    }
}
