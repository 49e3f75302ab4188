import Foundation
import IVRLang

/// The front end as one call: parse every file, resolve them together, run every rule,
/// then apply the waivers written in the source.
public enum Checker {
    public struct Result: Sendable {
        public let files: [ParsedFile]
        public let graph: FlowGraph
        /// Sorted by file and position; diagnostics silenced by a waiver are not here.
        public let diagnostics: [Diagnostic]
        /// Waivers that silenced something, for the bundle manifest.
        public let waivers: [Waiver]
        /// The diagnostics those waivers silenced.
        public let waived: [WaivedDiagnostic]
        /// The environment values the flows used (`env.NAME`), sorted by name.
        public let environmentUsed: [String]
        /// The same, each file's, by file path (a file that used none is absent).
        public let environmentUsedByFile: [String: [String]]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public static func check(_ sources: [SourceFile], rules: [any Rule] = RuleCatalog.all,
                             environment: EnvironmentValues? = nil) -> Result {
        check(parsed: parseAll(sources), rules: rules, environment: environment)
    }

    /// The same check over files already parsed, for a caller that keeps each file's parse while
    /// its text is unchanged, and the per-flow work in `cache` while a flow's inputs are (the
    /// language server re-checks only what a keystroke touched).
    public static func check(parsed: [ParsedFile], rules: [any Rule] = RuleCatalog.all,
                             environment: EnvironmentValues? = nil, cache: FlowCheckCache = FlowCheckCache()) -> Result {
        let substituted = EnvironmentSubstitution.apply(parsed, environment)
        let files = substituted.files
        let expanded = ModuleExpansion.apply(files)
        cache.begin(rules: rules, environment: environment)
        let flows = expanded.files.flatMap { file in
            file.flows.enumerated().map { index, declaration in
                (place: FlowCheckCache.Place(path: file.source.path, index: index), declaration: declaration, source: file.source)
            }
        }
        let resolved = Resolver.join(flows.map { cache.resolution(of: $0.declaration, at: $0.place, in: $0.source) },
                                     sources: files.map(\.source))
        cache.keep(only: Set(flows.map(\.place)))
        var diagnostics = files.flatMap(\.diagnostics) + substituted.diagnostics + expanded.diagnostics
        // Without the values, what resolution and the rules say about a bare `env.NAME` or
        // `param.NAME`, or about a module left out, is noise.
        if !(substituted.diagnostics + expanded.diagnostics).contains(where: { $0.severity == .error }) {
            var found = resolved.diagnostics
            // One-flow rules flow by flow (kept for flows that did not change), the others over all
            // flows; in the rules' order either way, so waived findings keep theirs.
            let perFlow = resolved.joined.map { cache.findings(at: flows[$0].place, rules: rules) }
            for (index, rule) in rules.enumerated() {
                found += rule.spansFlows ? rule.check(resolved.graph) : perFlow.flatMap { $0[index] }
            }
            // Back on the module's own lines first, so notes find the `env.NAME` written there.
            let substitutions = Dictionary(grouping: substituted.substitutions, by: \.span.file)
            diagnostics += ExpandedSource.attributed(found, regions: expanded.regions).map { $0.noting(substitutions) }
        }
        let waived = Waivers.apply(to: diagnostics, files: files, rules: rules.map(\.description.id))
        return Result(files: files, graph: resolved.graph, diagnostics: waived.diagnostics, waivers: waived.waivers,
                      waived: waived.waived, environmentUsed: substituted.used, environmentUsedByFile: substituted.usedByFile)
    }

    /// Files are independent until resolution, so they are parsed on every core.
    public static func parseAll(_ sources: [SourceFile]) -> [ParsedFile] {
        guard sources.count > 1 else { return sources.map(Parser.parse) }
        let results = ParallelResults<ParsedFile>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            results.set(index, Parser.parse(sources[index]))
        }
        return results.values
    }
}
