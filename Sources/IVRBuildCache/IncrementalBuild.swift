import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import TeXMLEmit

/// A store build that checks, lowers and encodes only the source files that changed since the
/// snapshot (`BuildSnapshot`) and takes everything else from it: the result is byte for byte
/// what the whole build gives — the same diagnostics, the same manifest, the same bundle id —
/// or there is none and the caller builds in whole. It takes the short way only where that is
/// certain: no modules, nothing waived, no changed file with an error, flows that the checks
/// across flows leave alone (`FlowFacts.areIndependent`), and — with an environment — the same
/// values used by the same flows as before (which values no flow uses is decided by all files).
/// The environment's values file is part of the setting.
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
        /// The environment values the flows use, sorted (`Checker.Result.environmentUsed`).
        public let environmentUsed: [String]
        /// What the whole check reports in the values file.
        let environmentDiagnostics: [Diagnostic]

        /// The SHA-256 of every document of the flows that did not change: the store must hold them.
        public var keptHashes: [String] { kept.flatMap(\.flows).flatMap(\.hashes) }

        /// How many flows the build holds.
        public var flowCount: Int { kept.reduce(changed.graph.flows.count) { $0 + $1.flows.count } }
    }

    /// The check of `sources` (with `environment`'s values, which `setting` names) from
    /// `snapshot`; nil when only a whole check can say what it says.
    public static func check(_ sources: [SourceFile], environment: EnvironmentValues? = nil, snapshot: BuildSnapshot,
                             setting: BuildSetting) -> Checked? {
        let recorded = Dictionary(snapshot.sources.map { ($0.path, $0) }) { first, _ in first }
        let keys = sources.map { (path: $0.path, key: setting.key(of: $0)) }
        var kept: [(record: BuildSnapshot.SourceRecord, flows: [BuildSnapshot.Flow])] = []
        var changed: [SourceFile] = []
        for (source, key) in zip(sources, keys) {
            if let record = recorded[source.path], record.key == key.key {
                guard record.diagnostics.allSatisfy({ $0.isWithin(source, or: environment?.file) }) else { return nil }
                kept.append((record, snapshot.flows(of: record)))
            } else {
                changed.append(source)
            }
        }
        let result = Checker.check(changed, environment: environment)
        let values = environment?.file.path
        guard isSelfContained(result, paths: Set(changed.map(\.path)), values: values) else { return nil }
        let flows = kept.flatMap(\.flows)
        guard FlowFacts.areIndependent(flows.map(\.facts) + result.graph.flows.map(FlowFacts.init)),
              flows.reduce(0, { $0 + $1.estimatedDocuments })
                + result.graph.flows.reduce(0, { $0 + BundleLimits.documents(of: $1) }) <= BundleLimits.maxDocuments else { return nil }
        // Which values no flow uses (reported in the values file) is decided by every file: the
        // same values used as before (by the same flows, when the file has a table per line),
        // or the whole check decides it again.
        let used = Set(kept.flatMap(\.record.used) + result.environmentUsedByFile.values.joined())
        if let environment {
            let lines = Set(flows.map(\.facts.name) + result.graph.flows.map(\.name))
            guard used == Set(snapshot.sources.flatMap(\.used)),
                  environment.tables.isEmpty || lines == Set(snapshot.sources.flatMap { $0.flows.map(\.facts.name) }) else { return nil }
        }
        let changedDiagnostics = result.diagnostics.filter { $0.span.file != values }
        return Checked(diagnostics: Diagnostic.sorted(kept.flatMap(\.record.diagnostics) + changedDiagnostics + snapshot.environmentDiagnostics),
                       changed: result, kept: kept, keys: keys, base: snapshot.build, environmentUsed: used.sorted(),
                       environmentDiagnostics: snapshot.environmentDiagnostics)
    }

    /// Whether what `result` says of the files at `paths` is what a whole check says of them,
    /// whatever the other files hold: no module, no waiver at work, no error, every diagnostic
    /// in one of those files or, when it says which values no flow uses, in the values file at
    /// `values`. (The checks across flows are left to `FlowFacts`.)
    static func isSelfContained(_ result: Checker.Result, paths: Set<String>, values: String?) -> Bool {
        result.files.allSatisfy { $0.modules.isEmpty && $0.flows.allSatisfy(\.uses.isEmpty) }
            && result.waived.isEmpty && !result.hasErrors
            && result.diagnostics.allSatisfy { paths.contains($0.span.file) || ($0.span.file == values && $0.id == DiagnosticID.unusedValue.rawValue) }
    }

    /// The build of `checked`, whose changed flows compiled to `compiled`, with `environment`'s
    /// values: what the store writes, and the snapshot for the next build.
    public static func assemble(_ checked: Checked, compiled: CompiledBundle, compilerVersion: String,
                                environment: EnvironmentValues? = nil,
                                setting: BuildSetting) -> (build: BundleStoreWriter.AssembledBuild, snapshot: BuildSnapshot) {
        let fresh = freshFlows(checked.changed, compiled: compiled) { _ in nil }
        let parts = checked.kept.flatMap(\.flows).map(\.part) + fresh.values.flatMap { $0.map(\.part) }
        let manifest = ManifestParts.assemble(parts, compilerVersion: compilerVersion, waivers: [],
                                              environment: environment.map { Manifest.Environment($0, used: checked.environmentUsed) })
        let build = BundleStoreWriter.AssembledBuild(manifest: manifest, documents: compiled.documents, hashes: compiled.hashes,
                                                     kept: checked.keptHashes,
                                                     keptBytes: checked.kept.flatMap(\.flows).reduce(0) { $0 + $1.documentBytes },
                                                     base: checked.base)
        let kept = Dictionary(checked.kept.map { ($0.record.path, $0) }) { first, _ in first }
        let sources = checked.keys.map { path, key in
            if let (record, flows) = kept[path] {
                return (BuildSnapshot.SourceRecordDraft(path: path, key: key, diagnostics: record.diagnostics, used: record.used), flows)
            }
            let diagnostics = checked.changed.diagnostics.filter { $0.span.file == path }
            return (BuildSnapshot.SourceRecordDraft(path: path, key: key, diagnostics: diagnostics,
                                                    used: checked.changed.environmentUsedByFile[path] ?? []), fresh[path] ?? [])
        }
        return (build, BuildSnapshot(setting: setting, build: build.id, sources: sources,
                                     environmentDiagnostics: checked.environmentDiagnostics))
    }

    /// The snapshot of a whole build, stored as `build`: `result` its check of `sources` (with
    /// `environment`'s values), `compiled` its bundle (every flow), `size` the size of a document
    /// it reused, by SHA-256; nil when a later build could not be made from it (see `check`).
    public static func snapshot(of sources: [SourceFile], environment: EnvironmentValues? = nil, result: Checker.Result,
                                compiled: CompiledBundle, build: String, setting: BuildSetting,
                                size: (String) -> Int?) -> BuildSnapshot? {
        let values = environment?.file.path
        guard isSelfContained(result, paths: Set(sources.map(\.path)), values: values),
              FlowFacts.areIndependent(result.graph.flows.map(FlowFacts.init)),
              compiled.reused.values.allSatisfy({ size($0) != nil }) else { return nil }
        let flows = freshFlows(result, compiled: compiled, size: size)
        return BuildSnapshot(setting: setting, build: build, sources: sources.map { source in
            (BuildSnapshot.SourceRecordDraft(path: source.path, key: setting.key(of: source),
                                             diagnostics: result.diagnostics.filter { $0.span.file == source.path },
                                             used: result.environmentUsedByFile[source.path] ?? []),
             flows[source.path] ?? [])
        }, environmentDiagnostics: result.diagnostics.filter { $0.span.file == values })
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
