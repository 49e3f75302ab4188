import Crypto
import Foundation
import IVRCheck

/// Writes a compiled bundle so that a reader never sees half of one: everything goes to a
/// temporary directory beside the target, which then replaces the target by rename.
public enum BundleWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func manifest(for bundle: CompiledBundle, compilerVersion: String,
                                waivers: [Manifest.Waiver], environment: Manifest.Environment? = nil) -> Manifest {
        let schedules = bundle.flows.reduce(into: [String: Schedule]()) { all, flow in all.merge(flow.schedules) { first, _ in first } }
        return Manifest(
            formatVersion: Manifest.currentFormatVersion,
            compilerVersion: compilerVersion,
            flows: bundle.flows.map { .init(name: $0.name, number: $0.number ?? "", entry: $0.entry) },
            routes: bundle.flows.reduce(into: [:]) { routes, flow in routes.merge(flow.routes) { first, _ in first } },
            documents: bundle.documents.mapValues { .init(sha256: sha256($0)) },
            waivers: waivers,
            schedules: schedules.isEmpty ? nil : schedules,
            environment: environment)
    }

    public static func encode(_ manifest: Manifest) -> [UInt8] {
        DeterministicJSON.encode(manifest)
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        // Hex by table: String(format:) per byte was most of the manifest's cost.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    public static func write(_ bundle: CompiledBundle, to directory: URL, compilerVersion: String,
                             waivers: [Manifest.Waiver] = [], environment: Manifest.Environment? = nil) throws {
        let files = FileManager.default
        let target = directory.standardizedFileURL
        try refuseToReplaceNonBundle(target)
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? files.removeItem(at: staging)
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: true)
            for flow in bundle.flows {
                try files.createDirectory(at: staging.appendingPathComponent(flow.name), withIntermediateDirectories: true)
            }
            let documents = bundle.documents.sorted { $0.key < $1.key }
            let failures = ParallelResults<String?>(count: documents.count)
            DispatchQueue.concurrentPerform(iterations: documents.count) { index in
                let (path, bytes) = documents[index]
                failures.set(index, writeFile(staging.path + "/" + path, bytes))
            }
            if let failure = failures.values.compactMap({ $0 }).first { throw Failure(description: failure) }
            let manifest = manifest(for: bundle, compilerVersion: compilerVersion, waivers: waivers, environment: environment)
            if let failure = writeFile(staging.path + "/manifest.json", encode(manifest)) {
                throw Failure(description: failure)
            }
            try replace(target, with: staging)
        } catch let failure as Failure {
            try? files.removeItem(at: staging)
            throw failure
        } catch {
            try? files.removeItem(at: staging)
            throw Failure(description: "cannot write bundle \(target.path): \(error.localizedDescription)")
        }
    }

    /// One new file, written with plain system calls: Foundation's per-file overhead was most
    /// of a 1,000-flow build. Returns a message on failure.
    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { return "cannot create \(path): \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
            offset += written
        }
        return nil
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
