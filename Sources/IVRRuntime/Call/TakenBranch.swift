import IVRBundle

/// A decision the call went through where the flow branches: a route's decision on an action
/// request, or a gather the caller left without usable input (which falls through, TeXML's
/// timeout). Kept beside the transcript so `ivrc test --coverage` counts what this walk did.
public struct TakenBranch: Sendable, Hashable {
    /// The document (bundle path, or the URL it was fetched from) whose route or gather decided.
    public let document: String
    public let outcome: RouteOutcome
    /// Menu keys or phrase that matched (`RouteDecision.matched`).
    public let matched: String?

    public init(document: String, outcome: RouteOutcome, matched: String? = nil) {
        self.document = document
        self.outcome = outcome
        self.matched = matched
    }
}
