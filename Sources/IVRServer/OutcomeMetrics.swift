import IVRBundle
import Prometheus

/// What calls did in a bundle's terms: steps entered, the branch each route took, emergency
/// calls and how their dial ended, languages chosen; labelled only with flows, steps, languages
/// and outcomes the manifest names, never with anything a request sent. Every series of a
/// bundle is exported at 0 once it is served, so `increase()` sees the first call.
struct OutcomeMetrics: Sendable {
    let handles: MetricHandles

    static let stepsEntered = "ivrc_steps_entered_total"
    static let routeOutcomes = "ivrc_route_outcomes_total"
    static let emergencyCalls = "ivrc_emergency_calls_total"
    static let languagesChosen = "ivrc_languages_chosen_total"

    /// Joined once: a help text built per request would cost a string per counter lookup.
    private static let routeOutcomesHelp = "Branches taken at routes: menu key/timeout/invalid, dial answered/no-answer/busy/failed/refused, "
        + "http-request ok/failed, hours open/closed, gather and record next."
    private static let emergencyCallsHelp = "Emergency steps entered (outcome entered) and how their dial ended (answered, no-answer, busy, "
        + "failed, refused), with the step the call fell back to."

    /// An emergency call's outcome besides its dial's: the emergency step was entered.
    static let emergencyEntered = "entered"

    /// Exports every step, route outcome, emergency outcome and language of `bundle` at 0.
    func declare(_ served: ServedBundle) {
        let bundle = served.bundle
        for document in bundle.manifest.documents.keys {
            if let flow = served.flow(of: document), let step = DocumentStep.stepEntered(by: document) {
                _ = stepCounter(flow: flow, step: step)
            }
        }
        for (document, route) in bundle.manifest.routes {
            guard let flow = served.flow(of: document), let step = DocumentStep.step(of: document) else { continue }
            for outcome in RouteOutcome.outcomes(of: route.kind) {
                _ = routeCounter(flow: flow, step: step, kind: route.kind, outcome: outcome)
                if let fallback = emergencyFallback(document, route: route, outcome: outcome, of: served) {
                    _ = emergencyCounter(flow: flow, outcome: outcome.rawValue, fallback: fallback)
                }
            }
        }
        for flow in bundle.manifest.flows {
            if flow.emergencyStep != nil { _ = emergencyCounter(flow: flow.name, outcome: Self.emergencyEntered, fallback: "") }
            for language in flow.languages ?? [] { _ = languageCounter(flow: flow.name, language: language) }
        }
    }

    /// The document at `document` was served; a step's first document means the step was entered.
    func served(_ document: String, of served: ServedBundle) {
        guard let flow = served.flow(of: document), let step = DocumentStep.stepEntered(by: document) else { return }
        stepCounter(flow: flow, step: step).increment()
        if served.isEmergency(document) { emergencyCounter(flow: flow, outcome: Self.emergencyEntered, fallback: "").increment() }
    }

    /// The route of `document` took branch `outcome` and the call went on at `next` (nil when
    /// Telnyx never left `document`, as for a refused dial).
    func routed(_ document: String, of served: ServedBundle, outcome: RouteOutcome, next: String?) {
        guard let flow = served.flow(of: document), let step = DocumentStep.step(of: document),
              let route = served.bundle.manifest.routes[document] else { return }
        routeCounter(flow: flow, step: step, kind: route.kind, outcome: outcome).increment()
        if let fallback = emergencyFallback(document, route: route, outcome: outcome, of: served) {
            emergencyCounter(flow: flow, outcome: outcome.rawValue, fallback: fallback).increment()
        }
        if let next, let chosen = served.language(of: next), chosen != served.language(of: document) {
            languageCounter(flow: flow, language: chosen).increment()
        }
    }

    /// For a dial at the emergency step, the step the call goes on to after `outcome` ("" when
    /// it ends there); nil for every other route.
    private func emergencyFallback(_ document: String, route: Route, outcome: RouteOutcome, of served: ServedBundle) -> String? {
        guard route.kind == .dial, served.isEmergency(document) else { return nil }
        return (outcome == .answered ? route.answered : route.next).flatMap(DocumentStep.step(of:)) ?? ""
    }

    private func stepCounter(flow: String, step: String) -> Counter {
        handles.counter(Self.stepsEntered, [("flow", flow), ("step", step)], help: "Steps entered, by flow and step of the served bundle.")
    }

    private func routeCounter(flow: String, step: String, kind: Route.Kind, outcome: RouteOutcome) -> Counter {
        handles.counter(Self.routeOutcomes, [("flow", flow), ("step", step), ("kind", kind.rawValue), ("outcome", outcome.rawValue)],
                        help: Self.routeOutcomesHelp)
    }

    private func emergencyCounter(flow: String, outcome: String, fallback: String) -> Counter {
        handles.counter(Self.emergencyCalls, [("flow", flow), ("outcome", outcome), ("fallback", fallback)], help: Self.emergencyCallsHelp)
    }

    private func languageCounter(flow: String, language: String) -> Counter {
        handles.counter(Self.languagesChosen, [("flow", flow), ("language", language)],
                        help: "Calls switched to a language by a branch written language=TAG, by flow and language.")
    }
}
