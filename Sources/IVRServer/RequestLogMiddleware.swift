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
        log.record(method: request.method, path: request.uri.path, forwardedFor: request.headers[values: RequestLog.forwardedFor],
                   status: response.status.code, latency: ContinuousClock.now - start, notes: context.notes.current, peer: context.peer)
        return response
    }
}

/// What `RequestLogMiddleware` and `TeXMLFastPath` write for each request they answered.
struct RequestLog: Sendable {
    let logger: Logger
    let metrics: ServerMetrics
    /// Proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    let trustedProxies: Set<String>
    /// The logger's handler when it is the server's own, found once rather than cast per request.
    private let jsonHandler: JSONLogHandler?

    init(logger: Logger, metrics: ServerMetrics, trustedProxies: Set<String> = []) {
        self.logger = logger
        self.metrics = metrics
        self.trustedProxies = trustedProxies
        jsonHandler = logger.handler as? JSONLogHandler
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    /// An unmatched path is logged (never its query) up to this many bytes.
    static let maxLoggedPath = 256

    /// `path` is read only for a request no route matched: the rest never log it; `forwardedFor`
    /// (the request's `X-Forwarded-For` values) only for a trusted proxy's request.
    func record(method: HTTPRequest.Method, path: @autoclosure () -> String, forwardedFor: @autoclosure () -> [String], status: Int,
                latency: Duration, notes: RequestNotes.Fields, peer: String?) {
        if notes.kind != .operations {
            metrics.request(flow: notes.flow ?? "", kind: notes.kind, status: status, duration: latency)
        }
        var fields: [(key: String, value: LogValue)] = []
        fields.reserveCapacity(24)
        // Only the fields noted, appended one by one (a table of them cost an array per request)
        // and in key order, which the line's sort then finds already in place.
        func note(_ key: String, _ value: LogValue?) {
            if let value { fields.append((key, value)) }
        }
        note("bundle", notes.bundle.map(LogValue.string))
        note("call_sid", notes.callSid.map(LogValue.string))
        note("call_status", notes.callStatus.map(LogValue.string))
        let client = ClientAddress.resolve(peer: peer, forwardedFor: forwardedFor(), trustedProxies: trustedProxies)
        note("client", client.map(LogValue.string))
        note("document", notes.document.map(LogValue.string))
        note("duration_s", notes.durationSeconds.map(LogValue.number))
        note("emergency", notes.emergency.map(LogValue.bool))
        note("flow", notes.flow.map(LogValue.string))
        note("hangup_source", notes.hangupSource.map(LogValue.string))
        note("kind", .string(notes.kind.rawValue))
        note("language", notes.language.map(LogValue.string))
        note("latency_ms", .number(Self.milliseconds(latency)))
        note("method", .string(method.rawValue))
        note("outcome", notes.outcome.map(LogValue.string))
        if notes.kind == .unmatched {
            note("path", .string(String(decoding: path().utf8.prefix(Self.maxLoggedPath), as: UTF8.self)))
        }
        note("refusal", notes.refusal.map(LogValue.string))
        note("status", .number(status))
        note("status_callback", notes.statusCallback.map(LogValue.string))
        note("step", notes.step.map(LogValue.string))
        // A refusal (forged signature, unknown number, refused values) is what an operator looks for.
        let level: Logger.Level = notes.refusal == nil ? .info : .warning
        // The server's own handler takes the fields as they are; any other gets swift-log's metadata.
        if let handler = jsonHandler {
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
