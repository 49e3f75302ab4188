import IVRBundle

/// Which kind of route an outcome was decided at: from the bundle's route table when
/// `--bundle` is given, otherwise from the outcome's name. Only `failed` is shared (a dial and
/// a lookup both fail): without the bundle, it is a lookup's at a step whose lookups succeeded
/// elsewhere in the log, else a dial's.
struct RouteKindGuess {
    let manifest: Manifest?
    /// Per flow, the steps where an `ok` was logged.
    let lookupSteps: Set<String>

    func kind(ownerStep: String, ownerDocument: String?, outcome: String) -> Route.Kind? {
        if let manifest, let document = ownerDocument, let route = manifest.routes[document] { return route.kind }
        switch outcome {
        case "key", "timeout", "invalid": return .menu
        case "answered", "no-answer", "busy", "refused": return .dial
        case "ok": return .httpRequest
        case "open", "closed": return .hours
        case "failed": return lookupSteps.contains(ownerStep) ? .httpRequest : .dial
        default: return nil
        }
    }
}
