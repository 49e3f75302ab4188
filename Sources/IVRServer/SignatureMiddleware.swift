import Hummingbird
import HTTPTypes
import TelnyxWebhook

/// Refuses TeXML requests that do not carry Telnyx's valid, fresh Ed25519 signature over the
/// exact body: 403 with no TeXML in the body, a metric and (through the log middleware) a log
/// line that never contains the body.
struct SignatureMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let verifier: TelnyxSignature.Verifier
    let maxBodyBytes: Int
    let metrics: ServerMetrics

    private static let signatureField = HTTPField.Name(TelnyxSignature.signatureHeader)!
    private static let timestampField = HTTPField.Name(TelnyxSignature.timestampHeader)!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        // Collected once here; the handler reads the same buffered body.
        let body = try await request.collectBody(upTo: maxBodyBytes)
        if let refusal = refusal(headers: request.headers, body: body, notes: context.notes) { return refusal.response }
        return try await next(request, context)
    }

    /// The 403 for a request whose signature is missing, forged or stale (counted and noted);
    /// nil for one Telnyx signed. `TeXMLFastPath` asks the same.
    func refusal(headers: HTTPFields, body: ByteBuffer, notes: RequestNotes) -> WebhookAnswer? {
        let rejection = body.withUnsafeReadableBytes { bytes in
            verifier.rejection(signature: headers[Self.signatureField], timestamp: headers[Self.timestampField], body: Array(bytes))
        }
        guard let rejection else { return nil }
        metrics.signatureRejected(reason: rejection.rawValue)
        notes.update { $0.refusal = "signature-\(rejection.rawValue)" }
        return .refusal(.forbidden, "request signature \(rejection.rawValue)")
    }
}
