import IVRLang

/// A check's per-flow work (resolution, then the rules that look at one flow) kept from one check
/// to the next for every flow whose inputs did not change: its file, the module files copied into
/// it at the same places, the values file and the rules. The language server keeps one for a
/// session, so a keystroke re-resolves only the flows it touched; `ivrc check` starts empty.
/// Not thread-safe: one check at a time.
public final class FlowCheckCache {
    /// Everything a flow's expanded declaration is made from, besides the values and the rules.
    private struct Inputs: Equatable {
        struct Copy: Equatable {
            let base: Int
            let path: String
            let bytes: [UInt8]
        }

        let path: String
        let bytes: [UInt8]
        let copies: [Copy]
    }

    /// The `index`th flow of a file.
    struct Place: Hashable {
        let path: String
        let index: Int
    }

    private struct Entry {
        let inputs: Inputs
        let resolution: Resolver.FlowResolution
        /// Each rule's findings, once asked for (a check with errors before the rules asks none).
        var findings: [[Diagnostic]]?
    }

    private struct Setting: Equatable {
        let rules: [String]
        let environment: [String]?
        let values: [UInt8]?
    }

    private var entries: [Place: Entry] = [:]
    private var setting: Setting?

    public init() {}

    /// Starts a check: what was kept under other rules or other values is dropped.
    func begin(rules: [any Rule], environment: EnvironmentValues?) {
        let setting = Setting(rules: rules.map(\.description.id),
                              environment: environment.map { [$0.name, $0.file.path] }, values: environment?.file.bytes)
        guard setting != self.setting else { return }
        entries = [:]
        self.setting = setting
    }

    func resolution(of declaration: FlowDecl, at place: Place, in source: SourceFile) -> Resolver.FlowResolution {
        let inputs = Inputs(path: source.path, bytes: source.bytes, copies: declaration.regions.map {
            Inputs.Copy(base: $0.base, path: $0.file.path, bytes: $0.file.bytes)
        })
        if let entry = entries[place], entry.inputs == inputs { return entry.resolution }
        let resolution = Resolver.resolve(declaration, in: source)
        entries[place] = Entry(inputs: inputs, resolution: resolution)
        return resolution
    }

    /// What each of `rules` that looks at one flow finds in the flow resolved at `place` (nothing
    /// for a rule that spans flows), rule by rule.
    func findings(at place: Place, rules: [any Rule]) -> [[Diagnostic]] {
        guard let entry = entries[place] else { return rules.map { _ in [] } }
        if let findings = entry.findings { return findings }
        let flow = entry.resolution.flow
        let graph = FlowGraph(flows: [flow], sources: [flow.source])
        let findings = rules.map { $0.spansFlows ? [] : $0.check(graph) }
        entries[place]?.findings = findings
        return findings
    }

    /// Forgets flows that are gone (a file deleted, a flow removed).
    func keep(only places: Set<Place>) {
        entries = entries.filter { places.contains($0.key) }
    }
}
