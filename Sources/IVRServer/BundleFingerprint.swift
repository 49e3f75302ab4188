import IVRBundle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What changes when `ivrc build -o` replaces the served directory: the directory's device and
/// inode (a new directory is swapped in) and `manifest.json`'s inode, mtime and size. Cheap
/// enough (two `stat` calls) to poll every second.
struct BundleFingerprint: Equatable, Sendable {
    let directory: [Int]
    let manifest: [Int]

    /// An absent path or manifest (e.g. mid-swap) is a state of its own, with empty identities.
    /// A bundle store's state is its `current` build's (`stat` follows the link).
    init(directory given: String) {
        let path = BundleStoreDirectory.isStore(given) ? given + "/current" : given
        directory = Array((Self.identity(path) ?? []).prefix(2))
        manifest = Self.identity(path + "/manifest.json") ?? []
    }

    /// device, inode, size, mtime seconds, mtime nanoseconds.
    private static func identity(_ path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return [Int(info.st_dev), Int(info.st_ino), Int(info.st_size), Int(modified.tv_sec), Int(modified.tv_nsec)]
    }
}
