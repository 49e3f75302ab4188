import IVRBundle
import Prometheus

/// What calls did in a bundle's terms: steps entered and the branch each route took, labelled
/// only with flows, steps and outcomes the manifest names, never with anything a request sent.
/// Every series of a bundle is exported at 0 once it is served, so `increase()` sees the first call.
struct OutcomeMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    static let stepsEntered = "ivrc_steps_entered_total"
    static let routeOutcomes = "ivrc_route_outcomes_total"

    /// Exports every step and every route outcome of `bundle` at 0.
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
            }
        }
    }

    /// The document at `document` was served; a step's first document means the step was entered.
    func served(_ document: String, of served: ServedBundle) {
        guard let flow = served.flow(of: document), let step = DocumentStep.stepEntered(by: document) else { return }
        stepCounter(flow: flow, step: step).increment()
    }

    /// The route of `document` (of kind `kind`) took branch `outcome`.
    func routed(_ document: String, of served: ServedBundle, kind: Route.Kind, outcome: RouteOutcome) {
        guard let flow = served.flow(of: document), let step = DocumentStep.step(of: document) else { return }
        routeCounter(flow: flow, step: step, kind: kind, outcome: outcome).increment()
    }

    private func stepCounter(flow: String, step: String) -> Counter {
        registry.makeCounter(name: Self.stepsEntered, labels: [("flow", flow), ("step", step)],
                             help: "Steps entered, by flow and step of the served bundle.")
    }

    private func routeCounter(flow: String, step: String, kind: Route.Kind, outcome: RouteOutcome) -> Counter {
        registry.makeCounter(name: Self.routeOutcomes,
                             labels: [("flow", flow), ("step", step), ("kind", kind.rawValue), ("outcome", outcome.rawValue)],
                             help: "Branches taken at routes: menu key/timeout/invalid, dial answered/no-answer/busy/failed/refused, "
                                 + "http-request ok/failed, hours open/closed, gather and record next.")
    }
}
