import Hummingbird
import HTTPTypes

/// Routes Telnyx calls: every webhook endpoint (TeXML, recordings, call status) is added this
/// way, so none can skip the signature check.
extension ServerConfiguration {
    typealias WebhookHandler = @Sendable (Request, ServerRequestContext) async throws -> Response

    /// Adds `routes` under `path` behind `SignatureMiddleware` when signatures are on, then POST
    /// only (Telnyx signs only a POST body, so a GET is authentic only when nothing is checked).
    func addWebhook(_ path: String, to router: Router<ServerRequestContext>, metrics: ServerMetrics,
                    routes: [(RouterPath, WebhookHandler)]) {
        let group = router.group(RouterPath(path))
        if let verifier {
            group.add(middleware: SignatureMiddleware(verifier: verifier, maxBodyBytes: maxBodyBytes, metrics: metrics))
        }
        let methods: [HTTPRequest.Method] = verifier == nil ? [.post, .get] : [.post]
        for method in methods {
            for (route, handler) in routes { group.on(route, method: method, use: handler) }
        }
    }
}
