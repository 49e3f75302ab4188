import Foundation
import Hummingbird
import HTTPTypes
import IVRBundle
import IVRRecordings

/// `{path}/recordings/{bundle}/FLOW/STEP`: where `recording-status-callback serve` sends
/// Telnyx's recording callbacks, signed like every request. Answers 200 only once the
/// recording is sealed, stored and audited (or was already), so Telnyx retries anything else.
/// Flow and step come from this URL, which the server itself wrote, never from the form.
struct RecordingRoutes {
    let store: BundleStore
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    func add(to router: Router<ServerRequestContext>) {
        configuration.addWebhook(configuration.path + "/recordings", to: router, metrics: metrics, routes: [
            (":bundle/:flow/:step", { request, context in try await receive(request, context: context) }),
        ])
    }

    private func receive(_ request: Request, context: ServerRequestContext) async throws -> Response {
        var request = request
        let fields = try await CallParameters.decode(&request, maxBodyBytes: configuration.maxBodyBytes)
        let flow = context.parameters.get("flow") ?? ""
        let step = context.parameters.get("step") ?? ""
        context.notes.update {
            $0.kind = .recording
            $0.callSid = fields["CallSid"]
        }
        let bundleId = context.parameters.get("bundle") ?? ""
        // A recording may be reported after its bundle was replaced: the flow's retention is then the current bundle's.
        let bundles = [store.bundle(id: bundleId), store.current].compactMap { $0 }
        guard RecordingIdentifier.isSafe(step, maxLength: 200),
              let served = bundles.first(where: { served in served.bundle.manifest.flows.contains { $0.name == flow } }),
              let entry = served.bundle.manifest.flows.first(where: { $0.name == flow }) else {
            return refuse("unknown-flow", .notFound, "no flow here takes recordings", context)
        }
        context.notes.update {
            $0.flow = flow
            $0.bundle = served.id
        }
        guard let receiver = configuration.recordings else {
            // Counted, so the alert on failed recordings catches a server started without the receiver.
            metrics.recordingFailed(flow: flow, reason: "recordings-off")
            return refuse("recordings-off", .notFound, "this server keeps no recordings (start it with --recordings-dir and --recordings-key-file)", context)
        }
        guard let notification = RecordingNotification(fields: fields) else {
            return refuse("bad-callback", .badRequest, "not a recording status callback (RecordingSid, CallSid, RecordingUrl)", context)
        }
        metrics.recordingReceived(flow: flow)
        let retention = entry.retention ?? .general
        let origin = RecordingReceiver.Origin(flow: flow, step: step, bundle: served.id, retainUntil: retention.retainUntil)
        let outcome = await receiver.receive(notification, from: origin)
        switch outcome {
        case .stored(let bytes):
            metrics.recordingStored(flow: flow, bytes: bytes)
            return TeXMLRoutes.refusal(.ok, "stored")
        case .alreadyStored:
            return TeXMLRoutes.refusal(.ok, "already stored")
        case .nothingToFetch:
            return TeXMLRoutes.refusal(.ok, "nothing to fetch")
        case .inProgress:
            metrics.recordingFailed(flow: flow, reason: outcome.failureReason ?? "")
            return refuse("recording-in-progress", .serviceUnavailable, "this recording is being received; retry", context)
        case .downloadFailed(let failure):
            metrics.recordingFailed(flow: flow, reason: failure.rawValue)
            return refuse("recording-\(failure.rawValue)", .badGateway, "recording not stored: \(failure)", context)
        case .storageFailed(let reason):
            metrics.recordingFailed(flow: flow, reason: outcome.failureReason ?? "")
            // The reason names local paths only; never the recording URL.
            context.notes.update { $0.refusal = "recording-storage" }
            return TeXMLRoutes.refusal(.internalServerError, "recording not stored: \(reason)")
        }
    }

    private func refuse(_ refusal: String, _ status: HTTPResponse.Status, _ reason: String, _ context: ServerRequestContext) -> Response {
        context.notes.update { $0.refusal = refusal }
        return TeXMLRoutes.refusal(status, reason)
    }
}
