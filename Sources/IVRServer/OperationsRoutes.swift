import Foundation
import Hummingbird

/// `/healthz` (liveness: the process answers), `/readyz` (readiness: which bundle new calls
/// start on, whether a refused build degraded it, which retired bundles it answers; 503 while
/// draining) and `/metrics` (Prometheus text), for load balancers,
/// Kubernetes probes, deploy scripts and Prometheus.
struct OperationsRoutes {
    let store: BundleStore
    let metrics: ServerMetrics
    let drain: Drain

    struct Readiness: Encodable {
        /// `ready`; `degraded` (still 200: it answers every call) while a refused build leaves
        /// an older good bundle serving; `draining` after SIGTERM (with the status 503).
        let status: String
        /// When draining, or the degradation, began.
        let since: String?
        /// Why the server is degraded.
        let reason: String?
        /// The retired bundles whose calls this server still answers (held, or in its store).
        let retainedBundles: [String]
        let bundle: String
        let manifestSHA256: String
        let compilerVersion: String
        /// The manifest records no build time; when this server loaded the bundle is the
        /// closest fact it has.
        let loadedAt: String
        let flows: Int
    }

    func add(to router: Router<ServerRequestContext>) {
        router.get("healthz") { _, context in
            context.notes.update { $0.kind = .operations }
            return Self.text("ok\n", contentType: "text/plain; charset=utf-8")
        }
        router.get("readyz") { _, context in
            context.notes.update { $0.kind = .operations }
            let served = store.current
            let draining = drain.since
            let degradation = store.degradation
            let status = draining != nil ? "draining" : degradation != nil ? "degraded" : "ready"
            let readiness = Readiness(
                status: status, since: (draining ?? degradation?.since).map { ISO8601DateFormatter().string(from: $0) },
                reason: draining == nil ? degradation?.reason : nil, retainedBundles: store.answerableRetired(),
                bundle: served.id, manifestSHA256: served.manifestHash, compilerVersion: served.compilerVersion,
                loadedAt: ISO8601DateFormatter().string(from: served.loadedAt), flows: served.bundle.manifest.flows.count
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return Self.text(String(decoding: try encoder.encode(readiness), as: UTF8.self) + "\n", contentType: "application/json",
                             status: draining == nil ? .ok : .serviceUnavailable)
        }
        router.get("metrics") { _, context in
            context.notes.update { $0.kind = .operations }
            metrics.observeOpening(of: store.current, at: .instant(Date()))
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }

    private static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
