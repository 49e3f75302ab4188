import Foundation
import Hummingbird
import HTTPTypes
import IVRBundle
import IVRRecordings

/// `{path}/recordings/{bundle}/FLOW/STEP` and `{path}/transcriptions/{bundle}/FLOW/STEP`: where
/// `recording-status-callback serve` sends Telnyx's recording callbacks and, for a transcribed
/// `record`, its transcription callbacks, signed like every request. Answers 200 only once the
/// recording or transcript is sealed, stored and audited (or was already), so Telnyx retries
/// anything else. What a request is, and its flow and step, come from this URL, which the server
/// itself wrote, never from the form (a transcription callback carries a `RecordingUrl` too).
struct RecordingRoutes {
    let store: BundleStore
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    func add(to router: Router<ServerRequestContext>) {
        for receiver in BundleAddress.Receiver.allCases {
            configuration.addWebhook(configuration.path + receiver.routePath, to: router, metrics: metrics, routes: [
                (":bundle/:flow/:step", { request, context in try await receive(request, context: context, at: receiver) }),
            ])
        }
    }

    private func receive(_ request: Request, context: ServerRequestContext, at kind: BundleAddress.Receiver) async throws -> Response {
        var request = request
        let fields = try await CallParameters.decode(&request, maxBodyBytes: configuration.maxBodyBytes)
        let flow = context.parameters.get("flow") ?? ""
        let step = context.parameters.get("step") ?? ""
        context.notes.update {
            $0.kind = kind == .recording ? .recording : .transcription
            $0.callSid = fields["CallSid"]
        }
        let bundleId = context.parameters.get("bundle") ?? ""
        // A recording may be reported after its bundle was replaced: the flow's retention is then the current bundle's.
        let bundles = [await store.bundle(forCallOn: bundleId), store.current].compactMap { $0 }
        guard RecordingIdentifier.isSafe(step, maxLength: 200),
              let served = bundles.first(where: { served in served.bundle.manifest.flows.contains { $0.name == flow } }),
              let entry = served.bundle.manifest.flows.first(where: { $0.name == flow }) else {
            return refuse("unknown-flow", .notFound, "no flow here takes recordings", context)
        }
        context.notes.update {
            $0.flow = flow
            $0.bundle = served.id
        }
        let retention = entry.retention ?? .general
        let origin = RecordingReceiver.Origin(flow: flow, step: step, bundle: served.id, retainUntil: retention.retainUntil)
        guard let receiver = configuration.recordings else {
            // Counted, so the alert on failed recordings catches a server started without the receiver.
            switch kind {
            case .recording: metrics.recordingFailed(flow: flow, reason: "recordings-off")
            case .transcription: metrics.transcriptFailed(flow: flow, reason: "recordings-off")
            }
            return refuse("recordings-off", .notFound, "this server keeps no recordings (start it with --recordings-dir and --recordings-key-file)", context)
        }
        switch kind {
        case .recording: return await recording(fields, origin: origin, receiver: receiver, context: context)
        case .transcription: return transcript(fields, origin: origin, receiver: receiver, context: context)
        }
    }

    private func recording(_ fields: [String: String], origin: RecordingReceiver.Origin, receiver: RecordingReceiver,
                           context: ServerRequestContext) async -> Response {
        let flow = origin.flow
        guard let notification = RecordingNotification(fields: fields) else {
            return refuse("bad-callback", .badRequest, "not a recording status callback (RecordingSid, CallSid, RecordingUrl)", context)
        }
        metrics.recordingReceived(flow: flow)
        let outcome = await receiver.receive(notification, from: origin)
        switch outcome {
        case .stored(let bytes):
            metrics.recordingStored(flow: flow, bytes: bytes)
            return WebhookAnswer.refusal(.ok, "stored").response
        case .alreadyStored:
            return WebhookAnswer.refusal(.ok, "already stored").response
        case .nothingToFetch:
            return WebhookAnswer.refusal(.ok, "nothing to fetch").response
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
            return WebhookAnswer.refusal(.internalServerError, "recording not stored: \(reason)").response
        }
    }

    /// The text is never in a log line or an answer: only its size and the outcome.
    private func transcript(_ fields: [String: String], origin: RecordingReceiver.Origin, receiver: RecordingReceiver,
                            context: ServerRequestContext) -> Response {
        let flow = origin.flow
        guard let notification = TranscriptNotification(fields: fields) else {
            return refuse("bad-callback", .badRequest, "not a transcription callback (TranscriptionSid, RecordingSid, CallSid, TranscriptionText)", context)
        }
        metrics.transcriptReceived(flow: flow)
        let outcome = receiver.receive(notification, from: origin)
        if let reason = outcome.failureReason { metrics.transcriptFailed(flow: flow, reason: reason) }
        switch outcome {
        case .stored:
            metrics.transcriptStored(flow: flow)
            return WebhookAnswer.refusal(.ok, "stored").response
        case .storedWithoutText(let status):
            // Kept as a status, answered 200: a retry would bring no text either.
            return WebhookAnswer.refusal(.ok, "stored without text (\(status))").response
        case .alreadyStored:
            return WebhookAnswer.refusal(.ok, "already stored").response
        case .inProgress:
            return refuse("transcript-in-progress", .serviceUnavailable, "this transcript is being received; retry", context)
        case .conflict:
            return refuse("transcript-conflict", .conflict, "another transcription of this recording is already stored", context)
        case .storageFailed(let reason):
            context.notes.update { $0.refusal = "transcript-storage" }
            return WebhookAnswer.refusal(.internalServerError, "transcript not stored: \(reason)").response
        }
    }

    private func refuse(_ refusal: String, _ status: HTTPResponse.Status, _ reason: String, _ context: ServerRequestContext) -> Response {
        context.notes.update { $0.refusal = refusal }
        return WebhookAnswer.refusal(status, reason).response
    }
}

extension BundleAddress.Receiver {
    /// The server path a receiver's callbacks are posted under, after `--path`.
    var routePath: String {
        switch self {
        case .recording: "/recordings"
        case .transcription: "/transcriptions"
        }
    }
}
