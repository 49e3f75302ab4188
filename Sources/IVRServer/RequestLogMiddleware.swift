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
        var fields: [(key: LogKey, value: LogValue)] = []
        fields.reserveCapacity(24)
        // Only the fields noted, appended one by one (a table of them cost an array per request)
        // and in key order, which the line's sort then finds already in place.
        func note(_ key: LogKey, _ value: LogValue?) {
            if let value { fields.append((key, value)) }
        }
        note(Key.bundle, notes.bundle.map(LogValue.string))
        note(Key.callSid, notes.callSid.map(LogValue.string))
        note(Key.callStatus, notes.callStatus.map(LogValue.string))
        let client = ClientAddress.resolve(peer: peer, forwardedFor: forwardedFor(), trustedProxies: trustedProxies)
        note(Key.client, client.map(LogValue.string))
        note(Key.document, notes.document.map(LogValue.string))
        note(Key.durationSeconds, notes.durationSeconds.map(LogValue.number))
        note(Key.emergency, notes.emergency.map(LogValue.bool))
        note(Key.flow, notes.flow.map(LogValue.string))
        note(Key.hangupSource, notes.hangupSource.map(LogValue.string))
        note(Key.kind, .string(notes.kind.rawValue))
        note(Key.language, notes.language.map(LogValue.string))
        note(Key.latencyMilliseconds, .number(Self.milliseconds(latency)))
        note(Key.method, .string(method.rawValue))
        note(Key.outcome, notes.outcome.map(LogValue.string))
        if notes.kind == .unmatched {
            note(Key.path, .string(String(decoding: path().utf8.prefix(Self.maxLoggedPath), as: UTF8.self)))
        }
        note(Key.refusal, notes.refusal.map(LogValue.string))
        note(Key.status, .number(status))
        note(Key.statusCallback, notes.statusCallback.map(LogValue.string))
        note(Key.step, notes.step.map(LogValue.string))
        // A refusal (forged signature, unknown number, refused values) is what an operator looks for.
        let level: Logger.Level = notes.refusal == nil ? .info : .warning
        // The server's own handler takes the fields as they are; any other gets swift-log's metadata.
        if let handler = jsonHandler {
            handler.log(level: level, message: "request", fields: &fields)
        } else {
            logger.log(level: level, "request", metadata: Logger.Metadata(fields.map { ($0.key.name, $0.value.metadataValue) },
                                                                          uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The line's keys, their JSON text made once.
    private enum Key {
        static let bundle = LogKey("bundle")
        static let callSid = LogKey("call_sid")
        static let callStatus = LogKey("call_status")
        static let client = LogKey("client")
        static let document = LogKey("document")
        static let durationSeconds = LogKey("duration_s")
        static let emergency = LogKey("emergency")
        static let flow = LogKey("flow")
        static let hangupSource = LogKey("hangup_source")
        static let kind = LogKey("kind")
        static let language = LogKey("language")
        static let latencyMilliseconds = LogKey("latency_ms")
        static let method = LogKey("method")
        static let outcome = LogKey("outcome")
        static let path = LogKey("path")
        static let refusal = LogKey("refusal")
        static let status = LogKey("status")
        static let statusCallback = LogKey("status_callback")
        static let step = LogKey("step")
    }

    /// Microsecond resolution, logged as a JSON number.
    private static func milliseconds(_ duration: Duration) -> Double {
        let micros = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        return Double(micros) / 1000
    }
}
