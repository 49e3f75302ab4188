import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line and one set of metrics per request, written after the response exists. The
/// line carries only what the handler noted (call id, flow, document, bundle) plus method,
/// status and latency: never the body, the query string or any parameter a caller typed or said.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let log: RequestLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        log.record(method: request.method, path: request.uri.path, headers: request.headers, status: response.status.code,
                   latency: ContinuousClock.now - start, notes: context.notes.current, peer: context.peer)
        return response
    }
}

/// What `RequestLogMiddleware` and `TeXMLFastPath` write for each request they answered.
struct RequestLog: Sendable {
    let logger: Logger
    let metrics: ServerMetrics
    /// Proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    var trustedProxies: Set<String> = []

    private static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    /// An unmatched path is logged (never its query) up to this many bytes.
    static let maxLoggedPath = 256

    /// `path` is read only for a request no route matched: the rest never log it.
    func record(method: HTTPRequest.Method, path: @autoclosure () -> String, headers: HTTPFields, status: Int, latency: Duration,
                notes: RequestNotes.Fields, peer: String?) {
        if notes.kind != .operations {
            metrics.request(flow: notes.flow ?? "", kind: notes.kind, status: status, duration: latency)
        }
        var fields: [(key: String, value: LogValue)] = [
            ("method", .string(method.rawValue)), ("status", .number(status)), ("kind", .string(notes.kind.rawValue)),
            ("latency_ms", .number(Self.milliseconds(latency))),
        ]
        fields.reserveCapacity(24)
        // Only the fields noted (appended one by one: a table of them cost an array per request).
        func note(_ key: String, _ text: String?) {
            if let text { fields.append((key, .string(text))) }
        }
        note("call_sid", notes.callSid)
        note("flow", notes.flow)
        note("document", notes.document)
        note("bundle", notes.bundle)
        note("refusal", notes.refusal)
        note("step", notes.step)
        note("outcome", notes.outcome)
        note("language", notes.language)
        note("call_status", notes.callStatus)
        note("hangup_source", notes.hangupSource)
        note("status_callback", notes.statusCallback)
        note("client", ClientAddress.resolve(peer: peer, forwardedFor: headers[values: Self.forwardedFor], trustedProxies: trustedProxies))
        if let emergency = notes.emergency { fields.append(("emergency", .bool(emergency))) }
        if let seconds = notes.durationSeconds { fields.append(("duration_s", .number(seconds))) }
        if notes.kind == .unmatched {
            fields.append(("path", .string(String(decoding: path().utf8.prefix(Self.maxLoggedPath), as: UTF8.self))))
        }
        // A refusal (forged signature, unknown number, refused values) is what an operator looks for.
        let level: Logger.Level = notes.refusal == nil ? .info : .warning
        // The server's own handler takes the fields as they are; any other gets swift-log's metadata.
        if let handler = logger.handler as? JSONLogHandler {
            handler.log(level: level, message: "request", fields: &fields)
        } else {
            logger.log(level: level, "request", metadata: Logger.Metadata(fields.map { ($0.key, $0.value.metadataValue) },
                                                                          uniquingKeysWith: { first, _ in first }))
        }
    }

    /// Microsecond resolution, logged as a JSON number.
    private static func milliseconds(_ duration: Duration) -> Double {
        let micros = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        return Double(micros) / 1000
    }
}
