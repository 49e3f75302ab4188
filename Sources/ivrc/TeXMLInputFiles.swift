import Foundation
import TeXMLEmit
import TeXMLImport
import TeXMLSchema

/// Reads the TeXML files named on the command line for `validate` and `import`. A file over
/// the parser's size limit is not read at all (only its size is), so it can be refused without
/// holding it in memory. When the files sit in an ivrc bundle (a `manifest.json` in their
/// directory or the one above), the manifest's routes, entries and numbers are used too.
enum TeXMLInputFiles {
    static func load(_ paths: [String], limits: SafeXMLParser.Limits) throws -> [TeXMLFile] {
        var seen = Set<String>()
        return try paths.filter { seen.insert($0).inserted }.map { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw UsageFailure("no such file: \(path)")
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size > limits.maxBytes { return TeXMLFile.unread(path: path, byteCount: size) }
            guard let handle = FileHandle(forReadingAtPath: path) else { throw UsageFailure("cannot read file: \(path)") }
            defer { try? handle.close() }
            do {
                let data = try handle.read(upToCount: limits.maxBytes + 1) ?? Data()
                return data.count > limits.maxBytes ? TeXMLFile.unread(path: path, byteCount: data.count) : TeXMLFile(path: path, data: data)
            } catch {
                throw UsageFailure("cannot read file: \(path): \(error.localizedDescription)")
            }
        }
    }

    /// The bundle context of the first manifest found next to or above the files.
    static func bundleContext(for paths: [String]) throws -> BundleContext {
        for path in paths {
            let directory = (path as NSString).deletingLastPathComponent
            for root in [directory, (directory as NSString).deletingLastPathComponent] {
                let manifestPath = (root.isEmpty ? "." : root) + "/manifest.json"
                guard FileManager.default.fileExists(atPath: manifestPath) else { continue }
                guard let data = FileManager.default.contents(atPath: manifestPath), data.count <= 16 * 1024 * 1024 else {
                    throw UsageFailure("cannot read \(manifestPath)")
                }
                do {
                    return BundleContext(manifest: try JSONDecoder().decode(Manifest.self, from: data), root: root)
                } catch {
                    throw UsageFailure("\(manifestPath) is not an ivrc bundle manifest: \(error)")
                }
            }
        }
        return BundleContext()
    }
}
