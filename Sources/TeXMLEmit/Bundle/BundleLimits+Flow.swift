import IVRBundle
import IVRCheck
import IVRLang

/// `BundleLimits` checked on the source, before lowering, so `ivrc build` refuses a bundle its
/// loader would refuse at the flow and the `use` that blow it up.
extension BundleLimits {
    /// Documents `flow` lowers to, counted before lowering: one per (step, language) a call can
    /// be in, and one more per extra try of each menu in that step. An upper bound (a step
    /// inlined into another writes none), so a bundle that passes fits.
    public static func documents(of flow: Flow) -> Int {
        let perStep = flow.steps.map { step in
            1 + step.actions.reduce(0) { sum, action in
                if case .menu(let menu) = action.kind { sum + max(0, menu.tries - 1) } else { sum }
            }
        }
        return flow.languageStates().reduce(0) { $0 + perStep[$1.step] }
    }

    /// An error at each flow whose documents take the bundle past `maxDocuments`, before any is
    /// lowered (a 5 KB source of modules doubling, 8 languages and `tries=10` would otherwise
    /// write hundreds of thousands): located at the flow's name, with a note at the `use` whose
    /// module copies write the most of them.
    public static func check(_ graph: FlowGraph) -> [Diagnostic] {
        var total = 0
        var diagnostics: [Diagnostic] = []
        for flow in graph.flows.sorted(by: { $0.name < $1.name }) {
            let documents = documents(of: flow)
            total += documents
            guard total > maxDocuments else { continue }
            let message = documents > maxDocuments
                ? "flow `\(flow.name)` would write \(documents) documents, over the bundle limit of \(maxDocuments)"
                : "flow `\(flow.name)` would take the bundle to \(total) documents, over the limit of \(maxDocuments)"
            diagnostics.append(.error(
                .bundleLimit, message, at: flow.source.span(flow.nameRange.start, flow.nameRange.end),
                help: "each step is written once per language a call can reach it in, and a menu once more per extra try; "
                    + "use modules fewer times, in fewer layers, or split the flows into several bundles",
                notes: heaviestUse(in: flow).map { [$0] } ?? []))
        }
        return diagnostics
    }

    /// The flow's `use` line whose module copies (with those nested in them) count the most
    /// (step, language) states; nil for a flow that uses no module.
    private static func heaviestUse(in flow: Flow) -> Diagnostic.Note? {
        let regions = Dictionary(flow.regions.map { ($0.base, $0) }) { first, _ in first }
        var weights: [SourceSpan: Int] = [:]
        for state in flow.languageStates() {
            let base = ExpandedSource.base(of: flow.steps[state.step].range.start)
            guard let use = regions[base]?.notes.last?.span else { continue }
            weights[use, default: 0] += 1
        }
        guard let (span, weight) = weights.max(by: { ($0.value, $1.key.start.offset) < ($1.value, $0.key.start.offset) }) else { return nil }
        return Diagnostic.Note("\(weight) of its (step, language) states are copies of the module taken in here", at: span)
    }
}
