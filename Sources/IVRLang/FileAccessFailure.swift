#if canImport(Glibc)
import Glibc
#endif

/// Why a file was not read: one line naming the file, saying what is wrong with it.
public struct FileAccessFailure: Error, CustomStringConvertible, Equatable {
    public enum Reason: Equatable, Sendable {
        case missing
        /// A symbolic link where none may be (inside a bundle).
        case symbolicLink
        /// A path that leads out of this directory, through a symbolic link or `..`.
        case leavesDirectory(String)
        /// A symbolic link to a file of another kind than its own name says (the extension it
        /// should have; empty when the link's name has none).
        case linksToAnotherKind(String)
        /// A FIFO, device, socket or directory: only regular files are read.
        case notRegular(FileKind)
        case tooLarge(size: Int, limit: Int)
        /// The system call's own message (permission denied, I/O error, …).
        case system(String)
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The failure of a system call on `path`, from `errno`.
    static func system(_ path: String, _ code: Int32) -> FileAccessFailure {
        FileAccessFailure(path: path, reason: code == ENOENT ? .missing : .system(String(cString: strerror(code))))
    }

    public var description: String {
        switch reason {
        case .missing:
            return "no such file or directory: \(path)"
        case .leavesDirectory(let directory):
            return "\(path) leads out of \(directory) (a symbolic link or `..`); not read (copy the file in instead)"
        case .symbolicLink:
            return "\(path) is a symbolic link; not followed here (replace it with the file itself)"
        case .linksToAnotherKind(let kind):
            let named = kind.isEmpty ? "a file without an extension" : "a .\(kind) file"
            return "\(path) is a symbolic link to something other than \(named); not read "
                + "(a link may name only a file of its own kind inside the tree; copy the file in instead)"
        case .notRegular(let kind):
            return "\(path) is \(kind), not a regular file; not read"
        case .tooLarge(let size, let limit):
            return "\(path) is \(size) bytes, over the limit of \(limit); not read"
        case .system(let message):
            return "cannot read \(path): \(message)"
        }
    }
}
