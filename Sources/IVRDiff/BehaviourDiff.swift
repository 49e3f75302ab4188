/// What changes for callers between two versions of the same lines: flows added or removed,
/// numbers moved, and per flow the differences of their `CallerView`s.
public enum BehaviourDiff {
    public static func changes(old: [CallerView], new: [CallerView]) -> [BehaviourChange] {
        let before = Dictionary(old.map { ($0.flow, $0) }) { first, _ in first }
        let after = Dictionary(new.map { ($0.flow, $0) }) { first, _ in first }
        var changes: [BehaviourChange] = []
        for name in Set(before.keys).union(after.keys) {
            switch (before[name], after[name]) {
            case (let old?, let new?): changes += compare(old, new)
            case (nil, let new?): changes.append(.init(kind: .flow, flow: name, at: "", message: "new line: \(new.number) answers with flow \(name)"))
            case (let old?, nil): changes.append(.init(kind: .flow, flow: name, at: "", message: "removed: \(old.number) is no longer answered by flow \(name)"))
            case (nil, nil): continue
            }
        }
        return changes.sorted()
    }

    static func compare(_ old: CallerView, _ new: CallerView) -> [BehaviourChange] {
        let flow = old.flow
        var changes: [BehaviourChange] = []
        func add(_ kind: BehaviourChange.Kind, _ at: String, _ message: String) {
            changes.append(.init(kind: kind, flow: flow, at: at, message: message))
        }
        if old.number != new.number { add(.number, "", "the line moves from \(old.number) to \(new.number)") }
        let renames = StepRenames.pairs(old: old, new: new)
        let oldNames = Dictionary(uniqueKeysWithValues: renames.map { ($1, $0) })
        for step in Set(old.steps.keys).subtracting(renames.keys).union(new.steps.keys) {
            let a = StepRenames.renamed(old.steps[oldNames[step] ?? step] ?? .init(), renames), b = new.steps[step] ?? .init()
            if a.records != b.records { add(.recording, step, b.records ? "now records the call" : "no longer records the call") }
            if a.discloses != b.discloses {
                add(.disclosure, step, b.discloses ? "now tells callers the call is recorded" : "no longer tells callers the call is recorded")
            }
            for key in Set(a.keys.keys).union(b.keys.keys).sorted() {
                switch (a.keys[key], b.keys[key]) {
                case (nil, let target?): add(.keys, step, "key \(key) added: goes to \(target)")
                case (let target?, nil): add(.keys, step, "key \(key) removed (went to \(target))")
                case (let was?, let now?) where was != now: add(.keys, step, "key \(key) now goes to \(now) instead of \(was)")
                default: continue
                }
            }
            for branch in Set(a.branches.keys).union(b.branches.keys).sorted() {
                let was = (a.branches[branch] ?? []).sorted().joined(separator: " or "), now = (b.branches[branch] ?? []).sorted().joined(separator: " or ")
                switch (was.isEmpty, now.isEmpty) {
                case (true, false): add(.branch, step, "\(branch): now goes on to \(now)")
                case (false, true): add(.branch, step, "\(branch): no longer goes on to \(was)")
                case (false, false) where was != now: add(.branch, step, "\(branch): goes on to \(now) instead of \(was)")
                default: continue
                }
            }
            if a.dials != b.dials {
                add(.dial, step, a.dials.isEmpty ? "now dials \(b.dials.joined(separator: "; "))"
                    : b.dials.isEmpty ? "no longer dials \(a.dials.joined(separator: "; "))"
                    : "dials \(b.dials.joined(separator: "; ")) instead of \(a.dials.joined(separator: "; "))")
            }
            if a.prompts != b.prompts {
                if a.prompts.count == b.prompts.count {
                    for (was, now) in zip(a.prompts, b.prompts) where was != now { add(.prompt, step, "says: " + WordDiff.render(was, now)) }
                } else {
                    for removed in a.prompts where !b.prompts.contains(removed) { add(.prompt, step, "no longer says \"\(removed)\"") }
                    for added in b.prompts where !a.prompts.contains(added) { add(.prompt, step, "now says \"\(added)\"") }
                }
            }
        }
        // Ends are compared only where they are known: an end the new side lacks is lost only if
        // no call of the new side was cut off at the depth there (it might still reach it), and
        // an end it gained is new only if the old side was followed to every end.
        for keys in Set(old.outcomes.keys).intersection(new.outcomes.keys) {
            guard let was = old.outcomes[keys], let now = new.outcomes[keys], was != now else { continue }
            let lost = new.cutOff.contains(keys) ? [] : was.subtracting(now).sorted()
            let gained = old.cutOff.contains(keys) ? [] : now.subtracting(was).sorted()
            guard !lost.isEmpty || !gained.isEmpty else { continue }
            add(.reach, keys, (lost.isEmpty ? "" : "no longer " + lost.joined(separator: "; no longer ") + (gained.isEmpty ? "" : "; "))
                + (gained.isEmpty ? "" : "now " + gained.joined(separator: "; now ")))
        }
        return changes
    }
}
