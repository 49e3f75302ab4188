#if canImport(Glibc)
import Glibc
#endif

/// Everything below a directory, found without following symbolic links (a linked directory
/// is listed as a link, not entered), in sorted order. A sub-directory that cannot be listed
/// is an error, never silently skipped.
public enum FileTree {
    public struct Entry: Equatable, Sendable {
        /// Relative to the walked directory, components separated by `/`.
        public let relativePath: String
        public let kind: FileKind
    }

    public static func entries(under root: String) throws -> [Entry] {
        var entries: [Entry] = []
        try walk(root, relative: "", into: &entries)
        return entries.sorted { $0.relativePath < $1.relativePath }
    }

    private static func walk(_ root: String, relative: String, into entries: inout [Entry]) throws {
        let directory = relative.isEmpty ? root : joinedPath(root, relative)
        guard let stream = opendir(directory) else { throw FileAccessFailure.system(directory, errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw FileAccessFailure.system(directory, errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(joinedPath(root, path), &status) == 0 else { throw FileAccessFailure.system(joinedPath(root, path), errno) }
            let kind = FileKind(mode: status.st_mode)
            entries.append(Entry(relativePath: path, kind: kind))
            if kind == .directory { try walk(root, relative: path, into: &entries) }
        }
    }
}
