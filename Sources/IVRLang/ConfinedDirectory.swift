#if canImport(Glibc)
import Glibc
#endif

/// A directory opened once, whose files are read relative to its descriptor one path
/// component at a time: the one way ivrc reads an input file or a bundle document.
/// Only regular files are read (a FIFO never blocks, a device is never opened), their size
/// is checked before a byte is read, and never more than that size is read — so a pseudo-file
/// such as `/proc/self/environ`, which reports size 0, reads as empty.
public final class ConfinedDirectory: Sendable {
    /// What to do with a symbolic link below the directory.
    public enum LinkPolicy: Sendable {
        /// Refuse any link (bundles: everything in one is written by ivrc as a plain file).
        case refuse
        /// Follow links whose target stays inside the directory and is a file of the kind the
        /// link names (its extension: `.ivr`, `.xml`, `.toml`); refuse those that leave it or
        /// reach another kind of file (sources: a checked tree may link within itself, never to
        /// a secret, outside or beside it: `x.xml -> .env` would be quoted in a snippet).
        case followWithin
    }

    /// The directory as the caller spelled it, for messages.
    public let path: String
    /// The directory with every symbolic link resolved: what "inside" means.
    public let resolvedPath: String
    private let descriptor: Int32

    /// Opens `path`. A link naming the directory itself is followed: that is the caller's
    /// choice of directory; nothing below it is followed unless a policy allows it.
    public init(_ path: String) throws {
        guard let resolved = realpath(path, nil) else { throw FileAccessFailure.system(path, errno) }
        resolvedPath = String(cString: resolved)
        free(resolved)
        descriptor = open(resolvedPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileAccessFailure.system(path, errno) }
        self.path = path
    }

    deinit { close(descriptor) }

    /// The bytes of the regular file at `relativePath` (components separated by `/`, no `..`),
    /// refused when larger than `limit` bytes. Failures name the file `display` (default: the
    /// directory joined with `relativePath`).
    public func read(_ relativePath: String, limit: Int, links: LinkPolicy = .refuse,
                     display: String? = nil) throws -> [UInt8] {
        let display = display ?? path(of: relativePath)
        switch links {
        case .refuse:
            return try readWithoutFollowing(relativePath, limit: limit, display: display)
        case .followWithin:
            guard let resolved = realpath(joinedPath(resolvedPath, relativePath), nil) else {
                throw FileAccessFailure.system(display, errno)
            }
            let target = String(cString: resolved)
            free(resolved)
            let inside = resolvedPath == "/" ? "/" : resolvedPath + "/"
            guard target.hasPrefix(inside) else {
                throw FileAccessFailure(path: display, reason: .leavesDirectory(path))
            }
            let kind = Self.fileExtension(relativePath)
            guard Self.fileExtension(target) == kind else {
                throw FileAccessFailure(path: display, reason: .linksToAnotherKind(kind))
            }
            return try readWithoutFollowing(String(target.dropFirst(inside.count)), limit: limit, display: display)
        }
    }

    /// A file named on its own (on the command line): confined to the directory it sits in,
    /// so a link beside it may point at a sibling but not at a secret elsewhere.
    public static func readFile(atPath path: String, limit: Int) throws -> [UInt8] {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return try ConfinedDirectory(directory).read(name, limit: limit, links: .followWithin, display: path)
    }

    /// What follows the last `.` of the last component (`ivr` for `a/b.ivr`), empty when none.
    private static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// `relativePath` spelled from the caller's directory, as messages name it.
    public func path(of relativePath: String) -> String { joinedPath(path, relativePath) }

    /// What is at `relativePath`, without following a link there; nil when nothing is.
    public func kind(of relativePath: String) throws -> FileKind? {
        var status = stat()
        guard fstatat(descriptor, relativePath, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw FileAccessFailure.system(path(of: relativePath), errno)
        }
        return FileKind(mode: status.st_mode)
    }

    private func readWithoutFollowing(_ relativePath: String, limit: Int, display: String) throws -> [UInt8] {
        let components = relativePath.split(separator: "/").map(String.init)
        guard let name = components.last, !relativePath.hasPrefix("/"), !components.contains("..") else {
            throw FileAccessFailure(path: display, reason: .leavesDirectory(path))
        }
        var opened: [Int32] = []
        defer { opened.forEach { close($0) } }
        var directory = descriptor
        for component in components.dropLast() {
            let next = openat(directory, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { throw failure(errno, opening: component, in: directory, display: display) }
            opened.append(next)
            directory = next
        }
        // Look before opening, so a device is never opened and a FIFO never waited on;
        // fstat after opening, in case the entry was swapped in between.
        var status = stat()
        guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw FileAccessFailure.system(display, errno)
        }
        try requireRegular(status, display: display)
        let file = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard file >= 0 else { throw failure(errno, opening: name, in: directory, display: display) }
        defer { close(file) }
        guard fstat(file, &status) == 0 else { throw FileAccessFailure.system(display, errno) }
        try requireRegular(status, display: display)
        let size = Int(status.st_size)
        guard size <= limit else { throw FileAccessFailure(path: display, reason: .tooLarge(size: size, limit: limit)) }
        return try readAll(file, size: size, display: display)
    }

    private func requireRegular(_ status: stat, display: String) throws {
        let kind = FileKind(mode: status.st_mode)
        switch kind {
        case .regular: return
        case .symbolicLink: throw FileAccessFailure(path: display, reason: .symbolicLink)
        default: throw FileAccessFailure(path: display, reason: .notRegular(kind))
        }
    }

    /// At most `size` bytes: a file that grew after `fstat` is read as it was measured.
    private func readAll(_ file: Int32, size: Int, display: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.read(file, $0 + filled, size - filled) } ?? 0
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw FileAccessFailure.system(display, errno) }
            if count == 0 { break }
            filled += count
        }
        return filled == size ? bytes : Array(bytes.prefix(filled))
    }

    /// Names a link met on the way as a link: `O_NOFOLLOW` reports it as ELOOP or ENOTDIR.
    private func failure(_ code: Int32, opening component: String, in directory: Int32, display: String) -> FileAccessFailure {
        var status = stat()
        if code == ELOOP || code == ENOTDIR,
           fstatat(directory, component, &status, AT_SYMLINK_NOFOLLOW) == 0, FileKind(mode: status.st_mode) == .symbolicLink {
            return FileAccessFailure(path: display, reason: .symbolicLink)
        }
        return FileAccessFailure.system(display, code)
    }
}
