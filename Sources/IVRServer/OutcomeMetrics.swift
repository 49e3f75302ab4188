import IVRBundle

/// What calls did in a bundle's terms: steps entered, the branch each route took, emergency
/// calls and how their dial ended, languages chosen; labelled only with flows, steps, languages
/// and outcomes the manifest names, never with anything a request sent. Every series of a
/// bundle is exported at 0 once it is served, so `increase()` sees the first call.
struct OutcomeMetrics: Sendable {
    let stepsEntered = CounterTable(name: "ivrc_steps_entered_total", labels: ["flow", "step"],
                                    help: "Steps entered, by flow and step of the served bundle.")
    let routeOutcomes = CounterTable(name: "ivrc_route_outcomes_total", labels: ["flow", "step", "kind", "outcome"],
                                     help: "Branches taken at routes: menu key/timeout/invalid, dial answered/no-answer/busy/failed/refused, "
                                         + "http-request ok/failed, hours open/closed, gather and record next.")
    let emergencyCalls = CounterTable(name: "ivrc_emergency_calls_total", labels: ["flow", "outcome", "fallback"],
                                      help: "Emergency steps entered (outcome entered) and how their dial ended (answered, no-answer, busy, "
                                          + "failed, refused), with the step the call fell back to.")
    let languagesChosen = CounterTable(name: "ivrc_languages_chosen_total", labels: ["flow", "language"],
                                       help: "Calls switched to a language by a branch written language=TAG, by flow and language.")

    /// Every family, for the exposition.
    var tables: [CounterTable] { [stepsEntered, routeOutcomes, emergencyCalls, languagesChosen] }

    /// An emergency call's outcome besides its dial's: the emergency step was entered.
    static let emergencyEntered = "entered"

    /// Exports every step, route outcome, emergency outcome and language of `bundle` at 0.
    func declare(_ served: ServedBundle) {
        let bundle = served.bundle
        for document in bundle.manifest.documents.keys {
            if let facts = served.facts(of: document), let step = facts.stepEntered {
                stepsEntered.declare([facts.flow, step])
            }
        }
        for (document, route) in bundle.manifest.routes {
            guard let facts = served.facts(of: document), let step = facts.step else { continue }
            for outcome in RouteOutcome.outcomes(of: route.kind) {
                routeOutcomes.declare([facts.flow, step, route.kind.rawValue, outcome.rawValue])
                if route.kind == .dial, facts.isEmergency {
                    emergencyCalls.declare([facts.flow, outcome.rawValue, Self.stepAfter(route, outcome: outcome, of: served)])
                }
            }
        }
        for flow in bundle.manifest.flows {
            if flow.emergencyStep != nil { emergencyCalls.declare([flow.name, Self.emergencyEntered, ""]) }
            for language in flow.languages ?? [] { languagesChosen.declare([flow.name, language]) }
        }
    }

    /// A document with these facts was served; a step's first document means the step was entered.
    func served(_ facts: DocumentFacts?) {
        guard let facts, let step = facts.stepEntered else { return }
        stepsEntered.increment([facts.flow, step])
        if facts.isEmergency { emergencyCalls.increment([facts.flow, Self.emergencyEntered, ""]) }
    }

    /// A route of `kind`, of the document with `facts`, took branch `outcome`, and the call went on
    /// at the document with facts `next` (nil when Telnyx never left the route's document, as for
    /// a refused dial); `stepAfter` is the step it goes on to ("" when it ends there), read only
    /// for a dial at the emergency step. The caller has the facts at hand: looking them (or the
    /// route) up again cost a route request more than counting.
    func routed(_ kind: Route.Kind, facts: DocumentFacts?, outcome: RouteOutcome, next: DocumentFacts?,
                stepAfter: @autoclosure () -> String) {
        guard let facts, let step = facts.step else { return }
        routeOutcomes.increment([facts.flow, step, kind.rawValue, outcome.rawValue])
        if kind == .dial, facts.isEmergency {
            emergencyCalls.increment([facts.flow, outcome.rawValue, stepAfter()])
        }
        if let chosen = next?.language, chosen != facts.language {
            languagesChosen.increment([facts.flow, chosen])
        }
    }

    /// The step a call goes on to after dial `route` ended with `outcome` ("" when it ends there).
    static func stepAfter(_ route: Route, outcome: RouteOutcome, of served: ServedBundle) -> String {
        (outcome == .answered ? route.answered : route.next).flatMap { served.facts(of: $0)?.step } ?? ""
    }
}
