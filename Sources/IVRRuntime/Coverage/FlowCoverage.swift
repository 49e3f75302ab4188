import IVRBundle
import IVRCheck
import IVRLang

/// What one flow's tests reached, counted from the calls the runtime placed for them: the
/// documents each call fetched (their steps and languages) and the branches its session took.
public struct FlowCoverage: Sendable {
    public let flow: String
    public let file: String
    /// Steps, then branches, then languages, each in source order.
    public let items: [CoverageItem]

    public func items(_ kind: CoverageItem.Kind) -> [CoverageItem] { items.filter { $0.kind == kind } }

    /// Counts `outcomes` (the flow's tests, run against `program`) against what `flow` offers.
    public static func measure(_ flow: Flow, outcomes: [TestOutcome], program: CallProgram) -> FlowCoverage {
        var targets = CoverageTargets(flow)
        let inlining = Inlining(flow, documents: program.bundle.manifest.documents.keys)
        let routes = program.bundle.manifest.routes
        for outcome in outcomes where outcome.test.flow == flow.name {
            var entered: Set<String> = []
            var spoken: Set<String> = []
            for case .document(let path, let step?) in outcome.transcript {
                entered.formUnion(inlining.chain(from: step))
                if let language = DocumentStep.language(of: path) ?? flow.languages.first { spoken.insert(language) }
            }
            var reached: Set<Int> = []
            for taken in outcome.branches {
                guard let step = DocumentStep.step(of: taken.document), let decider = inlining.chain(from: step).last else { continue }
                for (index, target) in targets.branches.enumerated() where target.item.step == decider {
                    if reaches(taken, target.reachedBy, step: step, routes: routes) { reached.insert(index) }
                }
            }
            for index in targets.steps.indices where entered.contains(targets.steps[index].name) { targets.steps[index].item.hits += 1 }
            for index in reached { targets.branches[index].item.hits += 1 }
            for index in targets.languages.indices where spoken.contains(targets.languages[index].tag) { targets.languages[index].item.hits += 1 }
        }
        return FlowCoverage(flow: flow.name, file: flow.source.path,
                            items: targets.steps.map(\.item) + targets.branches.map(\.item) + targets.languages.map(\.item))
    }

    private static func reaches(_ taken: TakenBranch, _ condition: CoverageTargets.Condition, step: String, routes: [String: Route]) -> Bool {
        switch condition {
        case .outcome(let outcomes): return outcomes.contains(taken.outcome)
        case .key(let keys): return taken.outcome == .key && taken.matched.map(keys.contains) == true
        case .lastTimeout:
            guard taken.outcome == .timeout, let route = routes[taken.document], route.kind == .menu else { return false }
            // An earlier try's silence leads to the next try, a continuation of the same step.
            guard let next = route.timeout else { return true }
            return DocumentStep.stepEntered(by: next) != nil || DocumentStep.step(of: next) != step
        }
    }
}

/// Steps the lowering copied into the document of the step that `goto`s them (their only
/// reference): they have no document of their own, so entering the referring step's document
/// runs them, and a decision in that document is theirs.
private struct Inlining {
    let flow: Flow
    let documented: Set<String>

    init(_ flow: Flow, documents: some Sequence<String>) {
        self.flow = flow
        documented = Set(documents.filter { $0.hasPrefix(flow.name + "/") }.compactMap(DocumentStep.step(of:)))
    }

    /// `step`, then the undocumented steps its code runs on into through `goto`.
    func chain(from step: String) -> [String] {
        var chain = [step]
        while let index = flow.index(of: chain[chain.count - 1]),
              let target = flow.steps[index].actions.lazy.compactMap({ if case .goto(let target) = $0.kind { target } else { nil } }).first,
              !documented.contains(flow.steps[target].name), !chain.contains(flow.steps[target].name) {
            chain.append(flow.steps[target].name)
        }
        return chain
    }
}
