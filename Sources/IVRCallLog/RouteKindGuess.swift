import IVRBundle

/// Which kind of route an outcome was decided at: from the bundle's route table when
/// `--bundle` is given, otherwise from the outcome's name. Two names are shared: `failed` (a
/// dial and a lookup both fail) is a lookup's at a step whose lookups succeeded elsewhere in
/// the log, else a dial's; `timeout` (a menu and a gather both time out) is a gather's at a
/// step where input went on (`next`) and no key was ever chosen, else a menu's.
struct RouteKindGuess {
    let manifest: Manifest?
    /// Per flow, the steps where an `ok` was logged.
    let lookupSteps: Set<String>
    /// Per flow, the steps where a gather's or a recording's `next` was logged, and those where
    /// a menu's `key` or `invalid` was.
    let continuingSteps: Set<String>
    let menuSteps: Set<String>

    func kind(ownerStep: String, ownerDocument: String?, outcome: String) -> Route.Kind? {
        if let manifest, let document = ownerDocument, let route = manifest.routes[document] { return route.kind }
        switch outcome {
        case "key", "invalid": return .menu
        case "timeout": return continuingSteps.contains(ownerStep) && !menuSteps.contains(ownerStep) ? .gather : .menu
        case "equal", "empty", "above", "below", "range", "other": return .branch
        case "answered", "no-answer", "busy", "refused": return .dial
        case "ok": return .httpRequest
        case "open", "closed": return .hours
        case "failed": return lookupSteps.contains(ownerStep) ? .httpRequest : .dial
        default: return nil
        }
    }
}
