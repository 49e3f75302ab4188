import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import TeXMLEmit

/// A store build that checks, lowers and encodes only the source files that changed since the
/// snapshot (`BuildSnapshot`) and takes everything else from it: the result is byte for byte
/// what the whole build gives — the same diagnostics, the same manifest, the same bundle id —
/// or there is none and the caller builds in whole. It takes the short way only where that is
/// certain: no environment values, no modules, nothing waived, no changed file with an error,
/// and flows that the checks across flows leave alone (`FlowFacts.areIndependent`).
public enum IncrementalBuild {
    /// The check of a build made from a snapshot.
    public struct Checked: Sendable {
        /// Every diagnostic the whole check reports, sorted as it sorts them.
        public let diagnostics: [Diagnostic]
        /// The check of the files that changed: their flows are lowered and compiled.
        public let changed: Checker.Result
        /// The records of the files that did not change, with their flows.
        let kept: [(record: BuildSnapshot.SourceRecord, flows: [BuildSnapshot.Flow])]
        /// Each source file's key, in the order of the sources.
        let keys: [(path: String, key: String)]
        /// The build whose documents the kept flows' are (`BuildSnapshot.build`).
        public let base: String

        /// The SHA-256 of every document of the flows that did not change: the store must hold them.
        public var keptHashes: [String] { kept.flatMap(\.flows).flatMap(\.hashes) }

        /// How many flows the build holds.
        public var flowCount: Int { kept.reduce(changed.graph.flows.count) { $0 + $1.flows.count } }
    }

    /// The check of `sources` from `snapshot`; nil when only a whole check can say what it says.
    public static func check(_ sources: [SourceFile], snapshot: BuildSnapshot, setting: BuildSetting) -> Checked? {
        let recorded = Dictionary(snapshot.sources.map { ($0.path, $0) }) { first, _ in first }
        let keys = sources.map { (path: $0.path, key: setting.key(of: $0)) }
        var kept: [(record: BuildSnapshot.SourceRecord, flows: [BuildSnapshot.Flow])] = []
        var changed: [SourceFile] = []
        for (source, key) in zip(sources, keys) {
            if let record = recorded[source.path], record.key == key.key {
                let lines = source.bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                guard record.diagnostics.allSatisfy({ $0.isWithin(source, lines: lines) }) else { return nil }
                kept.append((record, snapshot.flows(of: record)))
            } else {
                changed.append(source)
            }
        }
        let result = Checker.check(changed)
        let changedPaths = Set(changed.map(\.path))
        guard isSelfContained(result, paths: changedPaths) else { return nil }
        let flows = kept.flatMap(\.flows)
        guard FlowFacts.areIndependent(flows.map(\.facts) + result.graph.flows.map(FlowFacts.init)),
              flows.reduce(0, { $0 + $1.estimatedDocuments })
                + result.graph.flows.reduce(0, { $0 + BundleLimits.documents(of: $1) }) <= BundleLimits.maxDocuments else { return nil }
        return Checked(diagnostics: Diagnostic.sorted(kept.flatMap(\.record.diagnostics) + result.diagnostics),
                       changed: result, kept: kept, keys: keys, base: snapshot.build)
    }

    /// Whether what `result` says of the files at `paths` is what a whole check says of them,
    /// whatever the other files hold: no module, no waiver at work, no error, every
    /// diagnostic in one of those files. (The checks across flows are left to `FlowFacts`.)
    static func isSelfContained(_ result: Checker.Result, paths: Set<String>) -> Bool {
        result.files.allSatisfy { $0.modules.isEmpty && $0.flows.allSatisfy(\.uses.isEmpty) }
            && result.waived.isEmpty && !result.hasErrors
            && result.diagnostics.allSatisfy { paths.contains($0.span.file) }
    }

    /// The build of `checked`, whose changed flows compiled to `compiled`: what the store
    /// writes, and the snapshot for the next build.
    public static func assemble(_ checked: Checked, compiled: CompiledBundle, compilerVersion: String,
                                setting: BuildSetting) -> (build: BundleStoreWriter.AssembledBuild, snapshot: BuildSnapshot) {
        let fresh = freshFlows(checked.changed, compiled: compiled) { _ in nil }
        let parts = checked.kept.flatMap(\.flows).map(\.part) + fresh.values.flatMap { $0.map(\.part) }
        let manifest = ManifestParts.assemble(parts, compilerVersion: compilerVersion, waivers: [], environment: nil)
        let build = BundleStoreWriter.AssembledBuild(manifest: manifest, documents: compiled.documents, hashes: compiled.hashes,
                                                     kept: checked.keptHashes,
                                                     keptBytes: checked.kept.flatMap(\.flows).reduce(0) { $0 + $1.documentBytes },
                                                     base: checked.base)
        let kept = Dictionary(checked.kept.map { ($0.record.path, $0) }) { first, _ in first }
        let sources = checked.keys.map { path, key in
            if let (record, flows) = kept[path] {
                return (BuildSnapshot.SourceRecordDraft(path: path, key: key, diagnostics: record.diagnostics), flows)
            }
            let diagnostics = checked.changed.diagnostics.filter { $0.span.file == path }
            return (BuildSnapshot.SourceRecordDraft(path: path, key: key, diagnostics: diagnostics), fresh[path] ?? [])
        }
        return (build, BuildSnapshot(setting: setting, build: BundleID.of(manifestBytes: manifest), sources: sources))
    }

    /// The snapshot of a whole build, stored as `build`: `result` its check of `sources`,
    /// `compiled` its bundle (every flow), `size` the size of a document it reused, by SHA-256;
    /// nil when a later build could not be made from it (see `check`).
    public static func snapshot(of sources: [SourceFile], result: Checker.Result, compiled: CompiledBundle, build: String,
                                setting: BuildSetting, size: (String) -> Int?) -> BuildSnapshot? {
        guard isSelfContained(result, paths: Set(sources.map(\.path))),
              FlowFacts.areIndependent(result.graph.flows.map(FlowFacts.init)),
              compiled.reused.values.allSatisfy({ size($0) != nil }) else { return nil }
        let flows = freshFlows(result, compiled: compiled, size: size)
        return BuildSnapshot(setting: setting, build: build, sources: sources.map { source in
            (BuildSnapshot.SourceRecordDraft(path: source.path, key: setting.key(of: source),
                                             diagnostics: result.diagnostics.filter { $0.span.file == source.path }),
             flows[source.path] ?? [])
        })
    }

    /// The flows of `result` as snapshot records, by source path: `compiled` holds each one's
    /// lowered form and documents.
    private static func freshFlows(_ result: Checker.Result, compiled: CompiledBundle,
                                   size: (String) -> Int?) -> [String: [BuildSnapshot.Flow]] {
        let parts = Dictionary(zip(compiled.flows.map(\.name), BundleWriter.parts(of: compiled))) { first, _ in first }
        let lowered = Dictionary(compiled.flows.map { ($0.name, $0) }) { first, _ in first }
        let hashes = compiled.allHashes
        var flows: [String: [BuildSnapshot.Flow]] = [:]
        for flow in result.graph.flows {
            guard let part = parts[flow.name], let documents = lowered[flow.name]?.documents else { continue }
            flows[flow.source.path, default: []].append(BuildSnapshot.Flow(
                facts: FlowFacts(flow), estimatedDocuments: BundleLimits.documents(of: flow),
                documentBytes: documents.reduce(0) { $0 + (compiled.documents[$1.path]?.count ?? compiled.reused[$1.path].flatMap(size) ?? 0) }, part: part,
                hashes: documents.compactMap { hashes[$0.path] }))
        }
        return flows
    }
}
