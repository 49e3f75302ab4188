import Foundation
import IVRBundle
import IVRRecordings
import Prometheus
import TelnyxWebhook

/// Every metric `ivrc serve` exposes on `/metrics`, each family with its HELP text, in a
/// Prometheus registry owned by this server (not a process-global one), so two servers in one
/// test process never share counters.
public struct ServerMetrics: Sendable {
    /// What kind of TeXML endpoint a request hit; a metric label and a log field.
    public enum RequestKind: String, Sendable {
        case entry, route, document, recording, transcription, status, unmatched, operations
    }

    public let registry: PrometheusCollectorRegistry
    let outcomes: OutcomeMetrics
    let callStatus: CallStatusMetrics
    private let process: ProcessMetrics
    private let handles: MetricHandles
    /// The TeXML requests' duration histograms, made at startup: finding one by its labels for
    /// each request cost more than recording in it.
    private let entryDurations: DurationHistogram
    private let routeDurations: DurationHistogram
    private let documentDurations: DurationHistogram

    /// Resolution around the plan's 200 ms goal and the benchmark's 2 ms p99 goal.
    private static let durationBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(200), .milliseconds(500),
        .seconds(1),
    ]

    /// Every counter without a bundle's labels starts at 0, so an alert's `increase()` sees the
    /// first refused reload, unknown number or forged request.
    public init() {
        registry = PrometheusCollectorRegistry()
        handles = MetricHandles(registry: registry)
        entryDurations = Self.durations(.entry, in: handles)
        routeDurations = Self.durations(.route, in: handles)
        documentDurations = Self.durations(.document, in: handles)
        outcomes = OutcomeMetrics()
        callStatus = CallStatusMetrics(registry: registry)
        process = ProcessMetrics(registry: registry)
        _ = logLinesDropped
        for outcome in ReloadOutcome.allCases { _ = reloads(outcome) }
        for outcome in StoredBundleLoad.allCases { _ = storedBundleLoads(outcome) }
        degraded(false)
        for reason in TelnyxSignature.Rejection.allCases { _ = signatureRejections(reason.rawValue) }
        _ = unknownNumbers()
        _ = unknownBundles()
    }

    public func callStarted(flow: String) {
        callsStarted.increment([flow])
    }

    public func request(flow: String, kind: RequestKind, status: Int, duration: Duration) {
        requests.increment([flow, kind.rawValue, String(status)])
        durations(kind).record(duration)
    }

    /// Built per call (literals only, no allocation): the type is not `Sendable`, so it cannot be a stored static.
    private static var durationsDescriptor: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "ivrc_request_duration", unitName: "seconds",
                             helpText: "Time from request to response of TeXML requests, by endpoint kind.")
    }

    private func durations(_ kind: RequestKind) -> DurationHistogram {
        switch kind {
        case .entry: entryDurations
        case .route: routeDurations
        case .document: documentDurations
        default: Self.durations(kind, in: handles)
        }
    }

    private static func durations(_ kind: RequestKind, in handles: MetricHandles) -> DurationHistogram {
        handles.durationHistogram(durationsDescriptor, [("kind", kind.rawValue)], buckets: durationBuckets)
    }

    public func signatureRejected(reason: String) {
        signatureRejections(reason).increment()
    }

    private func signatureRejections(_ reason: String) -> Counter {
        counter("ivrc_signature_rejections_total", [("reason", reason)], help: "Requests refused for a missing, stale or forged signature.")
    }

    /// A gathered or looked-up value not carried (`CallValues.Refusal`: too long, or the call's
    /// values full); the call goes on with it standing for nothing.
    public func collectedValueRefused(reason: String) {
        counter("ivrc_collected_value_refusals_total", [("reason", reason)],
                help: "Gathered or looked-up values not carried: too long, or the call's values full.").increment()
    }

    /// A request whose carried values (`v=`) were missing, forged, stale or for another call: 403.
    public func carriedValuesRejected(reason: String) {
        counter("ivrc_carried_value_rejections_total", [("reason", reason)], help: "Requests whose carried call values were refused.")
            .increment()
    }

    /// A dial target filled from a value and refused (not digits, too long, the line's own number).
    public func dialRefused(reason: String) {
        counter("ivrc_dial_refusals_total", [("reason", reason)], help: "Dial targets filled from call values and refused.").increment()
    }

    /// A recording status callback reached the receiver (`recording-status-callback serve`).
    public func recordingReceived(flow: String) {
        counter("ivrc_recordings_received_total", [("flow", flow)], help: "Recording status callbacks received, by flow.").increment()
    }

    /// A recording sealed and stored; `bytes` is the audio's size.
    public func recordingStored(flow: String, bytes: Int) {
        counter("ivrc_recordings_stored_total", [("flow", flow)], help: "Recordings sealed and stored, by flow.").increment()
        counter("ivrc_recording_bytes_total", [("flow", flow)], help: "Bytes of recorded audio stored (before sealing), by flow.")
            .increment(by: Int64(bytes))
    }

    /// A recording not stored (answered non-200, so Telnyx retries): `media-not-found`, `timed-out`, `too-large`, …
    public func recordingFailed(flow: String, reason: String) {
        counter("ivrc_recordings_failed_total", [("flow", flow), ("reason", reason)],
                help: "Recordings not stored (answered non-200 so Telnyx retries), by flow and reason.").increment()
    }

    /// A transcription callback reached the receiver (a transcribed `record` under `recording-status-callback serve`).
    public func transcriptReceived(flow: String) {
        transcriptsReceived.increment([flow])
    }

    /// A transcript's text sealed and stored.
    public func transcriptStored(flow: String) {
        transcriptsStored.increment([flow])
    }

    /// A transcript without text (`transcription-failed`: stored as a status, answered 200) or not
    /// stored (answered non-200, so Telnyx retries): `in-progress`, `conflict`, `storage`, `recordings-off`.
    public func transcriptFailed(flow: String, reason: String) {
        transcriptFailures.increment([flow, reason])
    }

    // The families with a series per flow of the bundle, kept out of the registry (`CounterTable`).
    private let callsStarted = CounterTable(name: "ivrc_calls_started_total", labels: ["flow"],
                                            help: "Calls answered with a flow's entry document.")
    private let requests = CounterTable(name: "ivrc_requests_total", labels: ["flow", "kind", "status"],
                                        help: "TeXML requests answered, by flow, endpoint kind and HTTP status (kind unmatched: refused before routing).")
    private let transcriptsReceived = CounterTable(name: "ivrc_transcripts_received_total", labels: ["flow"],
                                                   help: "Transcription callbacks received, by flow.")
    private let transcriptsStored = CounterTable(name: "ivrc_transcripts_stored_total", labels: ["flow"],
                                                 help: "Transcripts sealed and stored with their text, by flow.")
    private let transcriptFailures = CounterTable(name: "ivrc_transcripts_failed_total", labels: ["flow", "reason"],
                                                  help: "Transcripts without text, or not stored (answered non-200 so Telnyx retries), by flow and reason.")

    private var tables: [CounterTable] {
        [callsStarted, requests, transcriptsReceived, transcriptsStored, transcriptFailures, callStatus.callsEnded] + outcomes.tables
    }

    /// A log line dropped because standard output's reader fell behind (`LogWriter`).
    public func logLineDropped() {
        logLinesDropped.increment()
    }

    private var logLinesDropped: Counter {
        counter("ivrc_log_lines_dropped_total", [], help: "Log lines dropped because the reader of standard output fell behind.")
    }

    public func unknownNumber() {
        unknownNumbers().increment()
    }

    private func unknownNumbers() -> Counter {
        counter("ivrc_unknown_numbers_total", [], help: "Calls to a number no flow answers.")
    }

    /// A request naming a bundle id that is not current and not within its grace period.
    public func unknownBundle() {
        unknownBundles().increment()
    }

    private func unknownBundles() -> Counter {
        counter("ivrc_unknown_bundle_requests_total", [], help: "Requests naming a bundle replaced longer ago than the grace period.")
    }

    public enum StoredBundleLoad: String, Sendable, CaseIterable {
        case loaded, refused
    }

    /// A retained build loaded from the bundle store for a call on it, or refused.
    public func storedBundleLoad(_ outcome: StoredBundleLoad) {
        storedBundleLoads(outcome).increment()
    }

    private func storedBundleLoads(_ outcome: StoredBundleLoad) -> Counter {
        counter("ivrc_stored_bundle_loads_total", [("outcome", outcome.rawValue)],
                help: "Retained builds loaded from the bundle store on demand, by outcome.")
    }

    /// 1 while the bundle new calls start on is not the one on disk (refused at startup or reload).
    public func degraded(_ isDegraded: Bool) {
        registry.makeGauge(name: "ivrc_bundle_degraded", labels: [],
                           help: "1 while a refused build leaves an older good bundle serving new calls.")
            .set(to: isDegraded ? 1 : 0)
    }

    public enum ReloadOutcome: String, Sendable, CaseIterable {
        case loaded, unchanged, refused
    }

    public func reload(_ outcome: ReloadOutcome) {
        reloads(outcome).increment()
    }

    private func reloads(_ outcome: ReloadOutcome) -> Counter {
        counter("ivrc_bundle_reloads_total", [("outcome", outcome.rawValue)], help: "Bundle reload attempts, by outcome.")
    }

    /// `ivrc_bundle_info{bundle,manifest_sha256,compiler_version} 1` for the bundle new calls
    /// start on; the previous bundle's series is removed. Every flow's calls and requests are
    /// exported at 0 and its daily call target set; a flow the new bundle dropped loses its gauges.
    public func serving(_ bundle: ServedBundle, replacing previous: ServedBundle?) {
        if let previous, previous.id != bundle.id { registry.unregisterGauge(bundleInfo(previous)) }
        bundleInfo(bundle).set(to: 1)
        registry.makeGauge(name: "ivrc_bundle_flows", labels: [], help: "Flows in the bundle new calls start on.")
            .set(to: Double(bundle.bundle.manifest.flows.count))
        let flows = bundle.bundle.manifest.flows
        for dropped in (previous?.bundle.manifest.flows ?? []) where !flows.contains(where: { $0.name == dropped.name }) {
            registry.unregisterGauge(dailyCallTarget(flow: dropped.name))
            registry.unregisterGauge(flowOpen(flow: dropped.name))
        }
        for flow in flows {
            callsStarted.declare([flow.name])
            transcriptsReceived.declare([flow.name])
            transcriptsStored.declare([flow.name])
            for reason in RecordingReceiver.TranscriptOutcome.failureReasons + ["recordings-off"] {
                transcriptFailures.declare([flow.name, reason])
            }
            if let target = flow.dailyCallTarget { dailyCallTarget(flow: flow.name).set(to: Double(target)) }
        }
        // The statuses the TeXML routes answer with; "" is a request no flow answers (unknown number or bundle).
        for flow in flows.map(\.name) + [""] {
            for kind in [RequestKind.entry, .route, .document] {
                for status in [200, 403, 404, 500] { requests.declare([flow, kind.rawValue, String(status)]) }
            }
        }
        outcomes.declare(bundle)
        callStatus.declare(flows: flows.map(\.name))
    }

    /// `ivrc_flow_open{flow}`: 1 while one of the flow's schedules is open (always, without one),
    /// set when Prometheus scrapes, so the quiet-line alert expects calls only in opening hours.
    public func observeOpening(of bundle: ServedBundle, at moment: CallMoment) {
        for flow in bundle.bundle.manifest.flows {
            flowOpen(flow: flow.name).set(to: bundle.bundle.manifest.isOpen(flow: flow.name, at: moment) ? 1 : 0)
        }
    }


    private func dailyCallTarget(flow: String) -> Gauge {
        registry.makeGauge(name: "ivrc_flow_daily_calls_target", labels: [("flow", flow)],
                           help: "Calls a day the onboarding plan expects of the flow's industry.")
    }

    private func flowOpen(flow: String) -> Gauge {
        registry.makeGauge(name: "ivrc_flow_open", labels: [("flow", flow)],
                           help: "1 while the flow is in its opening hours (always for a flow without a schedule).")
    }

    /// 1 when the server runs with `--insecure-no-signatures`, so a dashboard can alert on it.
    public func signaturesDisabled(_ disabled: Bool) {
        registry.makeGauge(name: "ivrc_signatures_disabled", labels: [], help: "1 when requests are answered without checking signatures.")
            .set(to: disabled ? 1 : 0)
    }

    private func bundleInfo(_ bundle: ServedBundle) -> Gauge {
        registry.makeGauge(name: "ivrc_bundle_info",
                           labels: [("bundle", bundle.id), ("manifest_sha256", bundle.manifestHash),
                                    ("compiler_version", bundle.compilerVersion)],
                           help: "1 for the bundle new calls start on.")
    }

    private func counter(_ name: String, _ labels: [(String, String)], help: String) -> Counter {
        handles.counter(name, labels, help: help)
    }

    /// The Prometheus text exposition of every metric, the process's read at this moment.
    public func exposition() -> [UInt8] {
        process.update()
        return registry.emitToBuffer() + Array(tables.map { $0.exposition() }.joined().utf8)
    }
}
