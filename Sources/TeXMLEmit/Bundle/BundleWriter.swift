import Crypto
import Foundation

/// Writes a compiled bundle so that a reader never sees half of one: everything goes to a
/// temporary directory beside the target, which then replaces the target by rename.
public enum BundleWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func manifest(for bundle: CompiledBundle, compilerVersion: String,
                                waivers: [Manifest.Waiver]) -> Manifest {
        Manifest(
            formatVersion: Manifest.currentFormatVersion,
            compilerVersion: compilerVersion,
            flows: bundle.flows.map { .init(name: $0.name, number: $0.number ?? "", entry: $0.entry) },
            routes: bundle.flows.reduce(into: [:]) { routes, flow in routes.merge(flow.routes) { first, _ in first } },
            documents: bundle.documents.mapValues { .init(sha256: sha256($0)) },
            waivers: waivers)
    }

    public static func encode(_ manifest: Manifest) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, ints and dictionaries cannot fail.
        return [UInt8](try! encoder.encode(manifest)) + [UInt8(ascii: "\n")]
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    public static func write(_ bundle: CompiledBundle, to directory: URL, compilerVersion: String,
                             waivers: [Manifest.Waiver] = []) throws {
        let files = FileManager.default
        let target = directory.standardizedFileURL
        try refuseToReplaceNonBundle(target)
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? files.removeItem(at: staging)
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: true)
            for (path, bytes) in bundle.documents {
                let file = staging.appendingPathComponent(path)
                try files.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
            }
            let manifest = manifest(for: bundle, compilerVersion: compilerVersion, waivers: waivers)
            try Data(encode(manifest)).write(to: staging.appendingPathComponent("manifest.json"))
            try replace(target, with: staging)
        } catch let failure as Failure {
            try? files.removeItem(at: staging)
            throw failure
        } catch {
            try? files.removeItem(at: staging)
            throw Failure(description: "cannot write bundle \(target.path): \(error.localizedDescription)")
        }
    }

    /// `-o ~` must never delete someone's home: only an empty directory or an earlier bundle is replaced.
    private static func refuseToReplaceNonBundle(_ target: URL) throws {
        let files = FileManager.default
        guard let contents = try? files.contentsOfDirectory(atPath: target.path) else {
            if files.fileExists(atPath: target.path) {
                throw Failure(description: "\(target.path) exists and is not a directory")
            }
            return
        }
        if !contents.isEmpty && !contents.contains("manifest.json") {
            throw Failure(description: "refusing to replace \(target.path): it is not empty and holds no ivrc bundle")
        }
    }

    /// Swaps the staged bundle in. With an existing bundle the old one is moved aside first and
    /// removed after, so the target path always names a complete bundle or (briefly) none.
    private static func replace(_ target: URL, with staging: URL) throws {
        let files = FileManager.default
        guard files.fileExists(atPath: target.path) else {
            try files.moveItem(at: staging, to: target)
            return
        }
        let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
        try? files.removeItem(at: old)
        try files.moveItem(at: target, to: old)
        try files.moveItem(at: staging, to: target)
        try? files.removeItem(at: old)
    }
}
