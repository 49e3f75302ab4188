import Prometheus

/// How calls ended, from the TeXML Application's status callbacks: calls ended per flow, status
/// and hangup source, and a call-duration histogram per flow. Flows are the bundle's (found from
/// the callback's `To`), status and hangup source come from fixed sets (`CallStatusCallback`),
/// so no label holds what a request sent. Every series is exported at 0 from the start.
struct CallStatusMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    /// What became of a status callback; the `result` label and the log's `status_callback`.
    enum Result: String, Sendable, CaseIterable {
        /// The call's end, counted in the calls-ended metrics.
        case ended
        /// A callback while the call is set up or running (`initiated`, `ringing`, `in-progress`).
        case progress
        /// A repeat or out-of-order callback (`CallStatusWindow`), ignored.
        case duplicate
        /// For a number no flow of the served bundle answers: counted here only, still 200.
        case unknownFlow = "unknown-flow"
        /// Without a usable `CallSid`, `SequenceNumber` or `CallStatus`: 400.
        case malformed
    }

    /// Kept out of the registry (`CounterTable`): flows × statuses × sources series.
    let callsEnded = CounterTable(name: "ivrc_calls_ended_total", labels: ["flow", "status", "hangup_source"],
                                  help: "Calls ended, from Telnyx's status callbacks, by flow, final CallStatus and HangupSource "
                                      + "(caller, callee, system, unknown; other for anything else).")
    static let callDuration = "ivrc_call_duration_seconds"
    static let callbacks = "ivrc_status_callbacks_total"

    /// From a few seconds (a caller giving up in the greeting) to an hour.
    static let durationBuckets: [Double] = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600]

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        for result in Result.allCases { _ = callbackCounter(result) }
    }

    /// Exports every flow's ended-call series and its duration histogram at 0.
    func declare(flows: [String]) {
        for flow in flows {
            for status in CallStatusCallback.Status.endings {
                for source in CallStatusCallback.HangupSource.allCases { callsEnded.declare([flow, status.rawValue, source.rawValue]) }
            }
            _ = durationHistogram(flow: flow)
        }
    }

    func received(_ result: Result) {
        callbackCounter(result).increment()
    }

    /// A call of `flow` ended as `callback` says.
    func ended(flow: String, _ callback: CallStatusCallback) {
        callsEnded.increment([flow, callback.status.rawValue, callback.hangupSource.rawValue])
        if let seconds = callback.durationSeconds { durationHistogram(flow: flow).record(Double(seconds)) }
    }

    private func callbackCounter(_ result: Result) -> Counter {
        registry.makeCounter(name: Self.callbacks, labels: [("result", result.rawValue)],
                             help: "Call status callbacks received, by result: ended, progress, duplicate (repeat or out of order, "
                                 + "ignored), unknown-flow (no flow answers the number), malformed.")
    }

    private func durationHistogram(flow: String) -> ValueHistogram {
        registry.makeValueHistogram(name: Self.callDuration, labels: [("flow", flow)], buckets: Self.durationBuckets,
                                    help: "Duration of ended calls (Telnyx's CallDuration), by flow.")
    }
}
