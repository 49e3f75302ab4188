/// Steps that only changed name: a step only the old side has and one only the new side has
/// that callers cannot tell apart (same prompts, dials, recording, disclosure and keys). Taking
/// steps into a module (`dir_start` becomes `dir.start`) or renaming one is no change for
/// callers, so `BehaviourDiff` compares such a pair as one step.
enum StepRenames {
    /// Old step name → new step name, paired in name order so the result is deterministic.
    static func pairs(old: CallerView, new: CallerView) -> [String: String] {
        let removed = old.steps.keys.filter { new.steps[$0] == nil }.sorted()
        var added = new.steps.keys.filter { old.steps[$0] == nil }.sorted()
        var renames: [String: String] = [:]
        for name in removed {
            guard let facts = old.steps[name],
                  let match = added.firstIndex(where: { new.steps[$0].map { alike(facts, $0) } ?? false }) else { continue }
            renames[name] = added.remove(at: match)
        }
        return renames
    }

    /// Alike for a caller: everything but which step each key leads to, which is compared
    /// once the renames are known.
    private static func alike(_ a: CallerView.StepFacts, _ b: CallerView.StepFacts) -> Bool {
        a.prompts == b.prompts && a.dials == b.dials && a.records == b.records && a.discloses == b.discloses
            && Set(a.keys.keys) == Set(b.keys.keys) && Set(a.branches.keys) == Set(b.branches.keys)
    }

    /// `facts` of the old side with every key's target under its new name.
    static func renamed(_ facts: CallerView.StepFacts, _ renames: [String: String]) -> CallerView.StepFacts {
        var copy = facts
        copy.keys = facts.keys.mapValues { renames[$0] ?? $0 }
        copy.branches = facts.branches.mapValues { Set($0.map { renames[$0] ?? $0 }) }
        return copy
    }
}
