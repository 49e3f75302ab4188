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
        let client = ClientAddress.resolve(peer: peer, forwardedFor: forwardedFor(), trustedProxies: trustedProxies)
        let path = notes.kind == .unmatched ? String(decoding: path().utf8.prefix(Self.maxLoggedPath), as: UTF8.self) : nil
        func write(into line: inout some LogFieldWriter & ~Copyable) {
            line.append(Key.bundle, notes.bundle.map(LogValue.string))
            line.append(Key.callSid, notes.callSid.map(LogValue.string))
            line.append(Key.callStatus, notes.callStatus.map(LogValue.string))
            line.append(Key.client, client.map(LogValue.string))
            line.append(Key.document, notes.document.map(LogValue.string))
            line.append(Key.durationSeconds, notes.durationSeconds.map(LogValue.number))
            line.append(Key.emergency, notes.emergency.map(LogValue.bool))
            line.append(Key.flow, notes.flow.map(LogValue.string))
            line.append(Key.hangupSource, notes.hangupSource.map(LogValue.string))
            line.append(Key.kind, .string(notes.kind.rawValue))
            line.append(Key.language, notes.language.map(LogValue.string))
            line.append(Key.latencyMilliseconds, Self.milliseconds(latency))
            line.append(Key.method, .string(method.rawValue))
            line.append(Key.outcome, notes.outcome.map(LogValue.string))
            line.append(Key.path, path.map(LogValue.string))
            line.append(Key.refusal, notes.refusal.map(LogValue.string))
            line.append(Key.status, .number(status))
            line.append(Key.statusCallback, notes.statusCallback.map(LogValue.string))
            line.append(Key.step, notes.step.map(LogValue.string))
        }
        // A refusal (forged signature, unknown number, refused values) is what an operator looks for.
        let level: Logger.Level = notes.refusal == nil ? .info : .warning
        // The server's own handler is written to directly; any other gets swift-log's metadata.
        if let handler = jsonHandler {
            handler.log(level: level, message: "request") { write(into: &$0) }
        } else {
            var metadata = LogMetadataWriter()
            write(into: &metadata)
            logger.log(level: level, "request", metadata: metadata.fields)
        }
    }

    /// The line's keys, in byte order (the order `record` writes them in), their JSON text made once.
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
    private static func milliseconds(_ duration: Duration) -> LogValue {
        let (seconds, attoseconds) = duration.components
        return .milliseconds(microseconds: Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000))
    }
}
