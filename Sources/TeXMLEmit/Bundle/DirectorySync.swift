import Foundation

/// `fsync` of a directory: makes the names in it (new files, a rename) survive a power loss,
/// as `fsync` of a file makes its bytes survive.
enum DirectorySync {
    static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { close(descriptor) }
            throw BundleWriter.Failure(description: "cannot flush \(path) to disk: \(reason)")
        }
        close(descriptor)
    }
}
