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
    static func load(_ paths: [String], limits: SafeXMLParser.Limits) throws -> [TeXMLFile] {
        var seen = Set<String>()
        return try paths.filter { seen.insert($0).inserted }.map { path in
            do {
                return TeXMLFile(path: path, data: Data(try ConfinedDirectory.readFile(atPath: path, limit: limits.maxBytes)))
            } catch let failure as FileAccessFailure {
                if case .tooLarge(let size, _) = failure.reason { return TeXMLFile.unread(path: path, byteCount: size) }
                throw UsageFailure(failure.description)
            }
        }
    }

    /// The paths with each bundle directory (one holding `manifest.json`, or a store: its
    /// current build) replaced by the documents its manifest lists, in path order.
    static func expandingBundles(_ paths: [String]) throws -> [String] {
        try paths.flatMap { given -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory), isDirectory.boolValue else { return [given] }
            do {
                let path = try BundleStoreDirectory.bundleDirectory(URL(fileURLWithPath: given)).path
                let bundle = try ConfinedDirectory(path)
                guard try bundle.kind(of: "manifest.json") != nil else {
                    throw UsageFailure("\(path) is a directory without a manifest.json: give TeXML files, or a bundle `ivrc build` wrote")
                }
                return try LoadedBundle.manifest(in: bundle).documents.keys.sorted().map { (path as NSString).appendingPathComponent($0) }
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
    static func bundleContext(for paths: [String]) throws -> BundleContext {
        for path in paths {
            let directory = (path as NSString).deletingLastPathComponent
            for root in [directory, (directory as NSString).deletingLastPathComponent] {
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
