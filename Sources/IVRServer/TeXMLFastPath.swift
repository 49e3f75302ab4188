import Glibc
import HTTPTypes
import IVRBundle
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Answers the TeXML webhook's requests (a new call, an action route, a document) right where
/// the event loop read them, when nothing has to wait: a POST whose form decodes, for the current
/// bundle or one held in memory. It takes the router's steps in the router's order and through
/// the same functions (`Drain.finishing`, `RequestLog`, `SignatureMiddleware.refusal`,
/// `TeXMLRoutes`), so both give the same answer, notes and log line (`TeXMLFastPathTests`).
/// Everything else, an error the router would turn into a response included, returns nil
/// before any effect and goes to the router (a request for a bundle not in memory does so once
/// its signature is found good, and the router checks the signature again).
///
/// Why: through the router a request costs a task, Hummingbird's middleware chain and a hop back
/// to the event loop, more CPU than ivrc's own work (issue 25; docs/performance.md).
struct TeXMLFastPath: Sendable {
    let routes: TeXMLRoutes
    let signatures: SignatureMiddleware?
    let log: RequestLog
    let drain: Drain
    /// The webhook path when the fast path can match it exactly as the router does; else nil (it is off).
    private let webhookPath: String?

    init(routes: TeXMLRoutes, signatures: SignatureMiddleware?, log: RequestLog, drain: Drain) {
        self.routes = routes
        self.signatures = signatures
        self.log = log
        self.drain = drain
        let path = routes.configuration.path
        webhookPath = path.first == "/" && Self.isPlainPath(path.utf8.dropFirst()) ? path : nil
    }

    /// The head as NIO read it: its fields are converted to HTTP Types' only where the request
    /// needs them (a signature, a test's moment, a trusted proxy's `X-Forwarded-For`), as the
    /// router's request converts them; converting every head cost a twentieth of a request.
    func answer(_ head: HTTPRequestHead, body: ByteBuffer, peer: String?) -> WebhookAnswer? {
        let start = ContinuousClock.now
        guard head.method == .POST, let target = target(of: head.uri),
              body.readableBytes <= routes.configuration.maxBodyBytes,
              let parameters = try? CallParameters.fields(ofBody: body) else { return nil }
        var converted: HTTPFields?
        func fields() -> HTTPFields {
            if let converted { return converted }
            let fields = HTTPFields(head.headers, splitCookie: false)
            converted = fields
            return fields
        }
        let notes = RequestNotes()
        var answer: WebhookAnswer
        // The signature first, as the router checks it: a forged request touches no bundle.
        if let signatures, let refusal = signatures.refusal(headers: fields(), body: body, notes: notes) {
            answer = refusal
        } else {
            // Read only under `--test-clock`, the one setting that heeds it.
            let moment = routes.configuration.testClock ? fields()[TeXMLRoutes.momentHeader] : nil
            switch target {
            case .entry:
                answer = routes.entry(parameters, moment: moment, notes: notes)
            case .bundle(let id, let path, let query):
                // The router loads it from the store, or refuses it.
                guard let served = routes.store.bundle(id: id) else { return nil }
                answer = routes.bundlePath(path, on: id, served: served, parameters: parameters, query: query, moment: moment,
                                           notes: notes)
            }
        }
        drain.finishing(&answer.headers)
        let latency = ContinuousClock.now - start
        notes.read { notes in
            log.record(method: .post, path: String(head.uri.prefix { $0 != "?" }), forwardedFor: fields()[values: RequestLog.forwardedFor],
                       status: answer.status.code, latency: latency, notes: notes, peer: peer)
        }
        return answer
    }

    private enum Target {
        case entry
        case bundle(id: String, path: String, query: String?)
    }

    /// The entry path, or `PATH/BUNDLE/FLOW/NAME.route|.xml` with a bundle id and plain
    /// segments; anything the router might read differently (escapes, empty or dot segments,
    /// a fragment, another route's name) is nil. Read as contiguous bytes: every byte that
    /// matters here is ASCII, and reading characters (or generic views of substrings) cost
    /// more than the rest of an action request's routing.
    private func target(of uri: String) -> Target? {
        guard let webhookPath else { return nil }
        var uri = uri
        return uri.withUTF8 { bytes -> Target? in
            guard !bytes.contains(UInt8(ascii: "#")) else { return nil }
            let pathEnd = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.endIndex
            let path = bytes[..<pathEnd]
            var webhookPath = webhookPath
            let prefix = webhookPath.utf8.count
            guard path.count >= prefix, webhookPath.withUTF8({ memcmp(bytes.baseAddress!, $0.baseAddress!, prefix) == 0 }) else { return nil }
            if path.count == prefix { return .entry }
            guard path[prefix] == UInt8(ascii: "/") else { return nil }
            let below = path[(prefix + 1)...]
            guard let idEnd = below.firstIndex(of: UInt8(ascii: "/")) else { return nil }
            let text = { (slice: Slice<UnsafeBufferPointer<UInt8>>) in String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self) }
            let idBytes = below[..<idEnd], document = below[(idEnd + 1)...]
            guard idBytes.count == BundleID.length, idBytes.allSatisfy(BundleID.isValidByte), Self.isPlainPath(document),
                  Self.hasSuffix(document, ".route") || Self.hasSuffix(document, ".xml") else { return nil }
            return .bundle(id: text(idBytes), path: text(document), query: pathEnd < bytes.endIndex ? text(bytes[(pathEnd + 1)...]) : nil)
        }
    }

    /// Segments of letters, digits, `_`, `-` and `.`, none empty, `.` or `..`.
    private static func isPlainPath(_ path: some Collection<UInt8>) -> Bool {
        var segmentLength = 0
        var segmentDots = 0
        for byte in path {
            switch byte {
            case UInt8(ascii: "/"):
                guard segmentLength > 0, segmentDots < segmentLength || segmentLength > 2 else { return false }
                segmentLength = 0
                segmentDots = 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                segmentLength += 1
            case UInt8(ascii: "."):
                segmentLength += 1
                segmentDots += 1
            default:
                return false
            }
        }
        return segmentLength > 0 && (segmentDots < segmentLength || segmentLength > 2)
    }

    private static func hasSuffix(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ suffix: StaticString) -> Bool {
        bytes.count >= suffix.utf8CodeUnitCount
            && bytes.suffix(suffix.utf8CodeUnitCount).elementsEqual(UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
    }
}
