import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that are whole or absent after a crash or a power loss: the bytes go to a temporary
/// name in the same directory, are flushed (`fsync`), renamed over the final name, and the
/// directory is flushed so the rename itself is on disk.
enum DurableFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Temporary files start with this; a store removes them when it opens (a killed writer's leftovers).
    static let temporaryPrefix = ".tmp-"

    static func save(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/" + temporaryPrefix + UUID().uuidString
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create a file in \(directory)") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write \(temporary)")
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            let error = failure("cannot flush \(temporary) to disk")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot rename into \(path)")
            unlink(temporary)
            throw error
        }
        try flushDirectory(directory)
    }

    /// Removes a file and flushes its directory, so a deletion is on disk before it is audited.
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw failure("cannot delete \(path)") }
        try flushDirectory((path as NSString).deletingLastPathComponent)
    }

    static func flushDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open directory \(path)") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush directory \(path) to disk") }
    }

    private static func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }
}
