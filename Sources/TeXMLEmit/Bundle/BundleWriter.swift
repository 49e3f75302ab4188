import Foundation
import IVRBundle
import IVRCheck
import IVRLang

/// Writes a compiled bundle so that a reader never sees half of one: everything goes to a
/// staging directory beside the target, flushed to disk, then swapped in atomically.
public enum BundleWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func manifest(for bundle: CompiledBundle, compilerVersion: String,
                                waivers: [Manifest.Waiver], environment: Manifest.Environment? = nil) -> Manifest {
        let schedules = bundle.flows.reduce(into: [String: Schedule]()) { all, flow in all.merge(flow.schedules) { first, _ in first } }
        let dialPrefixes = bundle.flows.reduce(into: [String: [[String]]]()) { all, flow in all.merge(flow.dialPrefixes) { first, _ in first } }
        return Manifest(
            formatVersion: Manifest.currentFormatVersion,
            compilerVersion: compilerVersion,
            flows: bundle.flows.map {
                .init(name: $0.name, number: $0.number ?? "", entry: $0.entry, inputSHA256: bundle.inputs[$0.name],
                      retention: $0.retention, emergencyStep: $0.emergencyStep, languages: $0.languages,
                      dailyCallTarget: $0.dailyCallTarget, industry: $0.industry == .general ? nil : $0.industry.rawValue)
            },
            routes: bundle.flows.reduce(into: [:]) { routes, flow in routes.merge(flow.routes) { first, _ in first } },
            documents: bundle.allHashes.mapValues { .init(sha256: $0) },
            waivers: waivers,
            schedules: schedules.isEmpty ? nil : schedules,
            environment: environment,
            dialPrefixes: dialPrefixes.isEmpty ? nil : dialPrefixes)
    }

    /// The bytes of `manifest(for:…)`, put together from each flow's part (`ManifestFlowPart`),
    /// the parts encoded on every core: the same bytes, in a fraction of the time.
    public static func manifestBytes(for bundle: CompiledBundle, compilerVersion: String,
                                     waivers: [Manifest.Waiver], environment: Manifest.Environment? = nil) -> [UInt8] {
        ManifestParts.assemble(parts(of: bundle), compilerVersion: compilerVersion, waivers: waivers, environment: environment)
    }

    /// Each flow's part of the manifest of `bundle`, in the order of its flows.
    public static func parts(of bundle: CompiledBundle) -> [ManifestFlowPart] {
        let hashes = bundle.allHashes
        let parts = ParallelResults<ManifestFlowPart>(count: bundle.flows.count)
        DispatchQueue.concurrentPerform(iterations: bundle.flows.count) { index in
            let flow = bundle.flows[index]
            parts.set(index, ManifestFlowPart(flow, input: bundle.inputs[flow.name], hashes: hashes))
        }
        return parts.values
    }

    /// What `write` did.
    public enum Outcome: Sendable, Equatable {
        /// A new bundle is in place; `reused` of its documents were linked from the old one.
        case written(reused: Int)
        /// The directory already held exactly this bundle (same manifest, every document's
        /// hash verified) and was left untouched: same inodes, same times.
        case unchanged
    }

    /// Writes `bundle` to `directory`, replacing what is there only when that is empty or
    /// provably an ivrc bundle. A symbolic link at `directory` is followed: the bundle it
    /// names is replaced and the link kept. Every file and directory is flushed to disk before
    /// the swap, and the swap itself before returning. An identical bundle is not rewritten, so
    /// a deploy that changes nothing changes nothing on disk. The documents `bundle` reuses are
    /// linked from the bundle being replaced; any that no longer matches its recorded hash is
    /// compiled again (an `InternalCompilerError` then leaves everything as it was).
    @discardableResult
    public static func write(_ bundle: CompiledBundle, to directory: URL, compilerVersion: String,
                             waivers: [Manifest.Waiver] = [], environment: Manifest.Environment? = nil) throws -> Outcome {
        let files = FileManager.default
        let target = try followingLink(directory.standardizedFileURL)
        try requireReplaceable(target)
        StagingDirectory.removeStale(for: target)
        // Encoded once: JSONEncoder on a 16,000-document manifest is a large part of a build.
        let encoded = manifestBytes(for: bundle, compilerVersion: compilerVersion, waivers: waivers, environment: environment)
        try requireWithinLimits(bundle, manifestBytes: encoded.count, reusingFrom: target)
        if holds(encoded, at: target) { return .unchanged }
        let staging = StagingDirectory(for: target).path
        do {
            let reused = try stage(bundle, at: staging, reusingFrom: target.path, manifest: encoded) {
                manifestBytes(for: $0, compilerVersion: compilerVersion, waivers: waivers, environment: environment)
            }.reused
            // Again, so nothing put into the old bundle while this one was written is lost.
            try requireReplaceable(target)
            if try BundleSwap.swap(staging, into: target.path) { try? files.removeItem(atPath: staging) }
            return .written(reused: reused)
        } catch {
            try? files.removeItem(atPath: staging)
            if error is Failure || error is InternalCompilerError { throw error }
            throw Failure(description: "cannot write bundle \(target.path): \(error.localizedDescription)")
        }
    }

    /// Writes `bundle` into the new directory `staging`: its documents, those it reuses linked
    /// from the bundle at `previous` (any that no longer matches its recorded hash compiled
    /// again, and the manifest then encoded anew by `encode`), then `manifest`, everything flushed
    /// to disk. Returns the manifest's bytes and how many documents were linked.
    private static func stage(_ bundle: CompiledBundle, at staging: String, reusingFrom previous: String?, manifest: [UInt8],
                      encode: (CompiledBundle) -> [UInt8]) throws -> (manifest: [UInt8], reused: Int) {
        let files = FileManager.default
        try? files.removeItem(atPath: staging)
        try files.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for flow in bundle.flows {
            try files.createDirectory(atPath: staging + "/" + flow.name, withIntermediateDirectories: true)
        }
        try writeFiles(bundle.documents, into: staging)
        let refused = previous.map { DocumentReuse.link(bundle.reused, from: $0, into: staging) } ?? Set(bundle.reused.keys)
        let written = try bundle.recompiling(refused) { try writeFiles($0, into: staging) }
        let manifestBytes = refused.isEmpty ? manifest : encode(written)
        if let failure = writeFile(staging + "/manifest.json", manifestBytes) {
            throw Failure(description: failure)
        }
        // A power loss after `build` returns must not leave empty documents behind a valid manifest.
        try DiskFlush.fileSystem(holding: staging)
        return (manifestBytes, written.reused.count)
    }

    /// Every document of `documents` written into `staging`, on every core.
    private static func writeFiles(_ documents: [String: [UInt8]], into staging: String) throws {
        let sorted = documents.sorted { $0.key < $1.key }
        let failures = ParallelResults<String?>(count: sorted.count)
        DispatchQueue.concurrentPerform(iterations: sorted.count) { index in
            let (path, bytes) = sorted[index]
            failures.set(index, writeFile(staging + "/" + path, bytes))
        }
        if let failure = failures.values.compactMap({ $0 }).first { throw Failure(description: failure) }
    }

    /// A bundle over `BundleLimits` is never written: `ivrc serve` would refuse to load it.
    static func requireWithinLimits(_ bundle: CompiledBundle, manifestBytes: Int, reusingFrom target: URL) throws {
        try requireWithinLimits(bundle, manifestBytes: manifestBytes) { path, _ in
            var status = stat()
            return stat(target.path + "/" + path, &status) == 0 ? Int(status.st_size) : 0
        }
    }

    /// The same, the size of each reused document (by bundle path and SHA-256) told by `size`.
    static func requireWithinLimits(_ bundle: CompiledBundle, manifestBytes: Int, size: (String, String) -> Int) throws {
        let reusedBytes = bundle.reused.reduce(0) { $0 + size($1.key, $1.value) }
        let documentBytes = bundle.documents.values.reduce(reusedBytes) { $0 + $1.count }
        guard let excess = BundleLimits.excess(documents: bundle.documentCount, manifestBytes: manifestBytes,
                                               documentBytes: documentBytes) else { return }
        let largest = bundle.flows.max { ($0.documents.count, $1.name) < ($1.documents.count, $0.name) }
        let named = largest.map { " (the largest flow, `\($0.name)`, has \($0.documents.count) documents)" } ?? ""
        throw Failure(description: "the bundle would hold \(excess), which `ivrc serve` refuses to load\(named); "
            + "split the flows into several bundles")
    }

    private static func requireReplaceable(_ target: URL) throws {
        if let refusal = ReplaceableBundle.refusal(for: target.path) { throw Failure(description: refusal) }
    }

    /// `-o current` where `current -> releases/7`: the bundle in `releases/7` is replaced and
    /// the link kept, so everything reading through the link sees the new bundle. A link to
    /// nothing is refused rather than guessed at.
    private static func followingLink(_ target: URL) throws -> URL {
        guard FileKind(at: target.path) == .symbolicLink else { return target }
        guard let resolved = realpath(target.path, nil) else {
            throw Failure(description: "\(target.path) is a symbolic link to nothing (\(String(cString: strerror(errno)))); "
                + "point it at a directory or remove it")
        }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved))
    }

    /// Whether `target` already is this bundle: the same manifest bytes, and every document the
    /// manifest names present with the hash it records (`LoadedBundle` verifies them).
    private static func holds(_ manifest: [UInt8], at target: URL) -> Bool {
        guard let directory = try? ConfinedDirectory(target.path),
              let existing = try? directory.read("manifest.json", limit: BundleLimits.maxManifestBytes),
              existing == manifest else { return false }
        return (try? LoadedBundle(directory: target)) != nil
    }

    /// One new file, written with plain system calls: Foundation's per-file overhead was most
    /// of a 1,000-flow build. Returns a message on failure.
    public static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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
}
