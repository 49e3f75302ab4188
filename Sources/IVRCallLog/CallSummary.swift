/// One call read from its logged requests, put in time order: its flow, day, the steps it went
/// through, each route's branch, whether it reached a person and, for an emergency, how it ended.
struct CallSummary {
    /// A route's decision: the step whose route it was (the step the call was in), the branch
    /// (`RouteOutcome`'s name) and the step it led to.
    struct RouteTaken {
        let ownerStep: String
        let ownerDocument: String?
        let outcome: String
        let next: String?
    }

    let sid: String
    let flow: String?
    let day: String
    /// Steps entered, in order, a step repeated by continuation documents counted once.
    let path: [String]
    let routes: [RouteTaken]
    /// A dial was answered.
    let reachedPerson: Bool
    let emergency: Bool
    /// The emergency dial's outcome (`answered`, `no-answer`, …; `entered` when none was logged:
    /// the caller hung up during it) and the step the call fell back to.
    let emergencyEnding: (outcome: String, fallback: String?)?
    /// The language of the call's last answer when not the flow's first.
    let language: String?
    /// From status callbacks, when the server logged them.
    let hangupSource: String?

    static let dialOutcomes: Set<String> = ["answered", "no-answer", "busy", "failed", "refused"]

    init(sid: String, events: [CallEvent], names: NameTable) {
        let ordered = events.sorted { Self.precedes($0, $1, names) }
        self.sid = sid
        flow = ordered.lazy.compactMap { names[$0.flow] }.first
        day = ordered.first?.time.day ?? ""
        var path: [String] = []
        var routes: [RouteTaken] = []
        var previous: (step: String, document: String?)?
        var emergencyEnding: (String, String?)?
        for event in ordered {
            let step = names[event.step]
            if let outcome = names[event.outcome] {
                // A refused dial is reported on the dial's own answer; every other outcome on the answer it led to.
                if outcome == "refused", let step {
                    routes.append(RouteTaken(ownerStep: step, ownerDocument: names[event.document], outcome: outcome, next: nil))
                } else if let owner = previous {
                    routes.append(RouteTaken(ownerStep: owner.step, ownerDocument: owner.document, outcome: outcome, next: step))
                }
                if event.emergency, Self.dialOutcomes.contains(outcome) {
                    emergencyEnding = (outcome, outcome == "answered" ? nil : step)
                }
            }
            if let step {
                if path.last != step { path.append(step) }
                previous = (step, names[event.document])
            }
        }
        self.path = path
        self.routes = routes
        reachedPerson = routes.contains { $0.outcome == "answered" }
        emergency = ordered.contains { $0.emergency }
        self.emergencyEnding = emergency ? (emergencyEnding ?? ("entered", nil)) : nil
        language = ordered.last { $0.step != 0 }.flatMap { names[$0.language] }
        hangupSource = ordered.last { $0.hangupSource != 0 }.flatMap { names[$0.hangupSource] }
    }

    var emergencyReached: Bool { emergencyEnding?.outcome == "answered" }

    /// Time order; lines of one millisecond by their content, so the order never depends on
    /// which file or replica a line came from.
    private static func precedes(_ a: CallEvent, _ b: CallEvent, _ names: NameTable) -> Bool {
        if a.time != b.time { return a.time < b.time }
        let left = [a.kind, a.document, a.step, a.outcome, a.language, a.callStatus].map { names[$0] ?? "" }
        let right = [b.kind, b.document, b.step, b.outcome, b.language, b.callStatus].map { names[$0] ?? "" }
        if left != right { return left.lexicographicallyPrecedes(right) }
        return (a.status, a.latencyMicros, a.emergency ? 1 : 0) < (b.status, b.latencyMicros, b.emergency ? 1 : 0)
    }
}
