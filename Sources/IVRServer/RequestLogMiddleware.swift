import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line and one set of metrics per request, written after the response exists. The
/// line carries only what the handler noted (call id, flow, document, bundle) plus method,
/// status and latency: never the body, the query string or any parameter a caller typed or said.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let logger: Logger
    let metrics: ServerMetrics
    /// Proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    var trustedProxies: Set<String> = []

    private static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    /// An unmatched path is logged (never its query) up to this many bytes.
    static let maxLoggedPath = 256

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let latency = ContinuousClock.now - start
        let notes = context.notes.current
        if notes.kind != .operations {
            metrics.request(flow: notes.flow ?? "", kind: notes.kind, status: response.status.code, duration: latency)
        }
        // Sized for every field at once: grown from four, the dictionary was rehashed twice.
        var metadata = Logger.Metadata(minimumCapacity: 20)
        metadata["method"] = .string(request.method.rawValue)
        metadata["status"] = .stringConvertible(response.status.code)
        metadata["kind"] = .string(notes.kind.rawValue)
        metadata["latency_ms"] = .stringConvertible(Self.milliseconds(latency))
        // Only the fields noted: assigning nil still hashes the key.
        func add(_ key: String, _ value: Logger.Metadata.Value?) {
            if let value { metadata[key] = value }
        }
        add("call_sid", notes.callSid.map { .string($0) })
        add("flow", notes.flow.map { .string($0) })
        add("document", notes.document.map { .string($0) })
        add("bundle", notes.bundle.map { .string($0) })
        add("refusal", notes.refusal.map { .string($0) })
        add("step", notes.step.map { .string($0) })
        add("outcome", notes.outcome.map { .string($0) })
        add("language", notes.language.map { .string($0) })
        add("emergency", notes.emergency.map { .stringConvertible($0) })
        add("call_status", notes.callStatus.map { .string($0) })
        add("hangup_source", notes.hangupSource.map { .string($0) })
        add("duration_s", notes.durationSeconds.map { .stringConvertible($0) })
        add("status_callback", notes.statusCallback.map { .string($0) })
        add("client", ClientAddress.resolve(peer: context.peer, forwardedFor: request.headers[values: Self.forwardedFor],
                                            trustedProxies: trustedProxies).map { .string($0) })
        if notes.kind == .unmatched {
            metadata["path"] = .string(String(decoding: request.uri.path.utf8.prefix(Self.maxLoggedPath), as: UTF8.self))
        }
        // A refusal (forged signature, unknown number, refused values) is what an operator looks for.
        logger.log(level: notes.refusal == nil ? .info : .warning, "request", metadata: metadata)
        return response
    }

    /// Microsecond resolution, logged as a JSON number.
    private static func milliseconds(_ duration: Duration) -> Double {
        let micros = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        return Double(micros) / 1000
    }
}
