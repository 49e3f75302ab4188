import Foundation
import IVRBundle
import IVRLang
import TeXMLEmit
import TeXMLImport
import TeXMLSchema

/// Reads the TeXML files named on the command line for `validate` and `import`. A file over
/// the parser's size limit is not read at all (only its size is), so it can be refused without
/// holding it in memory. When the files sit in an ivrc bundle (a `manifest.json` in their
/// directory or the one above), the manifest's routes, entries and numbers are used too.
enum TeXMLInputFiles {
    /// A file to read: `path` as messages name it, read from `file` (the same but for a document
    /// of a store's build, which is in the store's pool).
    struct Input {
        let path: String
        let file: String

        init(path: String, file: String? = nil) {
            self.path = path
            self.file = file ?? path
        }
    }

    static func load(_ inputs: [Input], limits: SafeXMLParser.Limits) throws -> [TeXMLFile] {
        var seen = Set<String>()
        return try inputs.filter { seen.insert($0.path).inserted }.map { input in
            do {
                return TeXMLFile(path: input.path, data: Data(try ConfinedDirectory.readFile(atPath: input.file, limit: limits.maxBytes)))
            } catch let failure as FileAccessFailure {
                if case .tooLarge(let size, _) = failure.reason { return TeXMLFile.unread(path: input.path, byteCount: size) }
                throw UsageFailure(failure.description)
            }
        }
    }

    /// The paths with each bundle directory (one holding `manifest.json`, or a store: its
    /// current build) replaced by the documents its manifest lists, in path order.
    static func expandingBundles(_ paths: [String]) throws -> [Input] {
        try paths.flatMap { given -> [Input] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory), isDirectory.boolValue else { return [Input(path: given)] }
            do {
                let build = try BundleStoreDirectory.bundleDirectory(URL(fileURLWithPath: given))
                let path = build.path
                let bundle = try ConfinedDirectory(path)
                guard try bundle.kind(of: "manifest.json") != nil else {
                    throw UsageFailure("\(path) is a directory without a manifest.json: give TeXML files, or a bundle `ivrc build` wrote")
                }
                let manifest = try LoadedBundle.manifest(in: bundle)
                let files = try BundleDocumentFiles(of: manifest, in: bundle, at: build)
                return manifest.documents.sorted { $0.key < $1.key }.map { document, entry in
                    let file = files.relativePath(of: document, sha256: entry.sha256).map(files.directory.path(of:))
                    return Input(path: (path as NSString).appendingPathComponent(document), file: file)
                }
            } catch let failure as FileAccessFailure {
                throw UsageFailure(failure.description)
            } catch let failure as LoadedBundle.Failure {
                throw UsageFailure(failure.description)
            } catch let failure as BundleStoreDirectory.Failure {
                throw UsageFailure(failure.description)
            }
        }
    }

    /// The bundle context of the first manifest found next to or above the files.
    static func bundleContext(for inputs: [Input]) throws -> BundleContext {
        try bundleContext(for: inputs.map(\.path))
    }

    static func bundleContext(for paths: [String]) throws -> BundleContext {
        for path in paths {
            let directory = (path as NSString).deletingLastPathComponent
            // A pooled document's flow directory is only in its path: its build's is the root.
            for root in [directory, (directory as NSString).deletingLastPathComponent] where FileKind(at: root.isEmpty ? "." : root) != nil {
                do {
                    let bundle = try ConfinedDirectory(root.isEmpty ? "." : root)
                    guard try bundle.kind(of: "manifest.json") != nil else { continue }
                    return BundleContext(manifest: try LoadedBundle.manifest(in: bundle), root: root)
                } catch let failure as FileAccessFailure {
                    throw UsageFailure(failure.description)
                } catch let failure as LoadedBundle.Failure {
                    throw UsageFailure(failure.description)
                }
            }
        }
        return BundleContext()
    }
}
