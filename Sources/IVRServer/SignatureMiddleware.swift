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
        let rejection = verifier.rejection(
            signature: request.headers[Self.signatureField], timestamp: request.headers[Self.timestampField],
            body: Array(body.readableBytesView)
        )
        guard let rejection else { return try await next(request, context) }
        metrics.signatureRejected(reason: rejection.rawValue)
        context.notes.update { $0.refusal = "signature-\(rejection.rawValue)" }
        return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: "request signature \(rejection.rawValue)\n")))
    }
}
