import Foundation
import IVRLang

/// Reads the `.ivr` files named on the command line: files as given, directories searched
/// recursively, in sorted order so every run sees the same files in the same order.
enum InputFiles {
    /// Files above this size are refused rather than read into memory.
    static let maxFileSize = 64 * 1024 * 1024

    static func load(_ paths: [String]) throws -> [SourceFile] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UsageFailure("no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                let found = try ivrFiles(under: path)
                // A CI job pointed at the wrong folder must not pass green having checked nothing.
                if found.isEmpty { throw UsageFailure("no .ivr files under \(path)") }
                files += found
            } else {
                files.append(path)
            }
        }
        var seen = Set<String>()
        return try files.filter { seen.insert($0).inserted }.map(read)
    }

    private static func ivrFiles(under directory: String) throws -> [String] {
        guard FileManager.default.isReadableFile(atPath: directory),
              let enumerator = FileManager.default.enumerator(atPath: directory)
        else {
            throw UsageFailure("cannot read directory: \(directory)")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".ivr") { found.append(base + relative) }
        }
        return found.sorted()
    }

    private static func read(_ path: String) throws -> SourceFile {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw UsageFailure("cannot read file: \(path)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            guard let bytes = try handle.read(upToCount: maxFileSize + 1) else {
                return SourceFile(path: path, bytes: [])
            }
            data = bytes
        } catch {
            throw UsageFailure("cannot read file: \(path): \(error.localizedDescription)")
        }
        if data.count > maxFileSize {
            throw UsageFailure("\(path) is larger than \(maxFileSize / 1024 / 1024) MB; is it really a flow?")
        }
        return SourceFile(path: path, bytes: [UInt8](data))
    }
}
