import Foundation
import IVRLang

/// Reads the `.ivr` files named on the command line: files as given, directories searched
/// recursively, in sorted order so every run sees the same files in the same order. Every
/// file is read through `ConfinedDirectory`: regular files only (a FIFO is refused, never
/// waited on), and a symbolic link only when it stays inside the directory being read.
enum InputFiles {
    /// Files above this size are refused rather than read into memory.
    static let maxFileSize = 64 * 1024 * 1024

    static func load(_ paths: [String]) throws -> [SourceFile] {
        try loadBytes(paths).map { SourceFile(path: $0.path, bytes: $0.bytes) }
    }

    /// The files as stored (a byte-order mark kept), for `fmt` to compare its output with.
    static func loadBytes(_ paths: [String]) throws -> [(path: String, bytes: [UInt8])] {
        var seen = Set<String>()
        var loaded: [(path: String, bytes: [UInt8])] = []
        for path in paths {
            do {
                for (file, bytes) in try read(path) where seen.insert(file).inserted {
                    loaded.append((file, bytes))
                }
            } catch let failure as FileAccessFailure {
                throw UsageFailure(failure.description)
            }
        }
        return loaded
    }

    /// A named file, or every `*.ivr` below a named directory (links to directories are
    /// not entered, like `find`; a sub-directory that cannot be listed is an error).
    private static func read(_ path: String) throws -> [(String, [UInt8])] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageFailure("no such file or directory: \(path)")
        }
        guard isDirectory.boolValue else {
            return [(path, try ConfinedDirectory.readFile(atPath: path, limit: maxFileSize))]
        }
        let found = try FileTree.entries(under: path).filter { $0.kind != .directory && $0.relativePath.hasSuffix(".ivr") }
        // A CI job pointed at the wrong folder must not pass green having checked nothing.
        if found.isEmpty { throw UsageFailure("no .ivr files under \(path)") }
        let tree = try ConfinedDirectory(path)
        return try found.map { entry in
            (tree.path(of: entry.relativePath), try tree.read(entry.relativePath, limit: maxFileSize, links: .followWithin))
        }
    }
}
