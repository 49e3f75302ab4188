/// Which branch an action request took at a route, and the document it leads to: the one
/// routing decision (`LoadedBundle.decide`), so the server's outcome metrics and the document it
/// answers with can never disagree.
public struct RouteDecision: Sendable, Equatable {
    /// The document that answers the request; nil when the route has no document for the branch.
    public let next: String?
    /// The branch taken, from a bounded set per route kind (`RouteOutcome`), never the input.
    public let outcome: RouteOutcome
    /// Menu, `.key`: the route table's entry that matched (DTMF keys, or a lowercased phrase
    /// of the flow), so coverage can tell `on 1` from `on 2`; never the caller's own words.
    public var matched: String? = nil
}

/// The branch a route took, named by a fixed set per kind, so metric labels stay bounded
/// whatever a caller sends. Never carries digits or speech.
public enum RouteOutcome: String, Sendable, CaseIterable {
    // menu (`timeout` also for a gather with no entry)
    case key, timeout, invalid
    // dial (`refused`: the target filled from a value was refused before Telnyx dialled)
    case answered, noAnswer = "no-answer", busy, failed, refused
    // http-request
    case ok
    // hours
    case open, closed
    // gather, record
    case next
    // branch: the kind of `on …` line taken (`equal`: one of the listed texts; `range`: from N to M)
    case equal, empty, above, below, range, other

    /// Every outcome a route of `kind` can report: the label set exported at 0 from the start.
    public static func outcomes(of kind: Route.Kind) -> [RouteOutcome] {
        switch kind {
        case .menu: [.key, .timeout, .invalid]
        case .dial: [.answered, .noAnswer, .busy, .failed, .refused]
        case .httpRequest: [.ok, .failed]
        case .hours: [.open, .closed]
        case .gather: [.next, .timeout]
        case .record: [.next]
        case .branch: [.equal, .empty, .above, .below, .range, .other]
        }
    }

    /// A branch's outcome by the kind of line taken (never the value compared).
    static func branch(_ condition: ValueCondition) -> RouteOutcome {
        switch condition {
        case .oneOf: .equal
        case .empty: .empty
        case .above: .above
        case .below: .below
        case .between: .range
        case .other: .other
        }
    }

    /// A dial's outcome by Telnyx's `DialCallStatus` (`completed`, `no-answer`, `busy`, `failed`,
    /// `canceled`); anything unknown counts as failed.
    static func dial(status: String?) -> RouteOutcome {
        switch status {
        case "completed": .answered
        case "no-answer": .noAnswer
        case "busy": .busy
        default: .failed
        }
    }
}
