import Hummingbird
import HTTPTypes

/// `{path}/status`: the TeXML Application's Status Callback URL, signed like every request.
/// Each callback is checked against this replica's window of callbacks already taken
/// (`CallStatusWindow`), its flow found from `To` as a new call's is, and a call's end counted
/// (`CallStatusMetrics`). Anything Telnyx could resend is answered 200, even for a number no
/// flow answers, so it is never retried forever; only a callback without the fields that
/// identify it is a 400.
struct CallStatusRoutes {
    let store: BundleStore
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let window: CallStatusWindow

    func add(to router: Router<ServerRequestContext>) {
        configuration.addWebhook(configuration.path + "/status", to: router, metrics: metrics, routes: [
            ("", { request, context in try await receive(request, context: context) }),
        ])
    }

    private func receive(_ request: Request, context: ServerRequestContext) async throws -> Response {
        var request = request
        let fields = try await CallParameters.decode(&request, maxBodyBytes: configuration.maxBodyBytes)
        context.notes.update { $0.kind = .status }
        let callback: CallStatusCallback
        do {
            callback = try CallStatusCallback(fields: fields)
        } catch {
            metrics.callStatus.received(.malformed)
            context.notes.update {
                $0.statusCallback = CallStatusMetrics.Result.malformed.rawValue
                $0.refusal = "status-callback-\(error.rawValue)"
            }
            return WebhookAnswer.refusal(.badRequest, "not a call status callback (\(error.rawValue) missing or invalid)").response
        }
        let served = store.current
        let flow = served.entry(forNumber: callback.to).flatMap(served.flow(of:))
        context.notes.update {
            $0.callSid = callback.callSid
            $0.flow = flow
            $0.bundle = served.id
            $0.callStatus = callback.status.rawValue
            $0.hangupSource = callback.status.endsCall ? callback.hangupSource.rawValue : nil
            $0.durationSeconds = callback.status.endsCall ? callback.durationSeconds : nil
        }
        let result = resolve(callback, flow: flow)
        metrics.callStatus.received(result)
        context.notes.update { $0.statusCallback = result.rawValue }
        return WebhookAnswer.refusal(.ok, result.rawValue).response
    }

    /// What the callback means for this replica's metrics; a call's end is counted here.
    private func resolve(_ callback: CallStatusCallback, flow: String?) -> CallStatusMetrics.Result {
        guard window.admit(callback) else { return .duplicate }
        guard let flow else { return .unknownFlow }
        guard callback.status.endsCall else { return .progress }
        metrics.callStatus.ended(flow: flow, callback)
        return .ended
    }
}
