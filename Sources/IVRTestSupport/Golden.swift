import Foundation
import Testing

/// Expected output kept in checked-in files, compared byte for byte.
/// Regenerate on purpose with `IVRC_UPDATE_GOLDEN=1 swift test` and review the diff.
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["IVRC_UPDATE_GOLDEN"] == "1" }

    /// `actual` against the text of `file`; with `IVRC_UPDATE_GOLDEN=1`, writes it there instead.
    public static func compare(_ actual: String, with file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if updating {
            try Data(actual.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(file.lastPathComponent) differs; rerun with IVRC_UPDATE_GOLDEN=1 if the change is intended",
                sourceLocation: sourceLocation)
    }

    /// Files by relative path against the regular files under `directory`, the same set with the
    /// same bytes; with `IVRC_UPDATE_GOLDEN=1`, replaces the directory with them instead.
    public static func compare(_ files: [String: [UInt8]], withDirectory directory: URL,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        if updating {
            try? FileManager.default.removeItem(at: directory)
            for (path, bytes) in files {
                let url = directory.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            return
        }
        let onDisk = try Self.files(under: directory)
        #expect(onDisk.keys.sorted() == files.keys.sorted(), "document set differs from \(directory.lastPathComponent)",
                sourceLocation: sourceLocation)
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            #expect(onDisk[path] == bytes, "\(directory.lastPathComponent): \(path) differs from the golden file",
                    sourceLocation: sourceLocation)
        }
    }

    private static func files(under directory: URL) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = directory.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = [UInt8](try Data(contentsOf: url))
            }
        }
        return result
    }
}
