import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `ivrc serve` assembled: the router (TeXML and operations routes behind the log and metrics
/// middleware) and the Hummingbird application that runs it with the bundle reloader.
public struct VoiceServer: Sendable {
    public let store: BundleStore
    public let configuration: ServerConfiguration
    public let metrics: ServerMetrics
    public let logger: Logger

    public init(bundle: ServedBundle, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics(), logger: Logger) {
        self.store = BundleStore(bundle, retention: configuration.retention)
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
        metrics.serving(bundle, replacing: nil)
        metrics.signaturesDisabled(configuration.verifier == nil)
    }

    public func router() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger, metrics: metrics))
        OperationsRoutes(store: store, metrics: metrics).add(to: router)
        TeXMLRoutes(store: store, configuration: configuration, metrics: metrics).add(to: router)
        return router
    }

    /// The application, with the reloader watching `directory` when one is given. SIGTERM and
    /// SIGINT shut it down gracefully: stop accepting, finish in-flight requests, return.
    /// `listening` gets the port once it is bound (the one chosen for port 0).
    public func application(watching directory: URL?,
                            listening: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        var application = Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in listening(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
        if let directory {
            application.addServices(BundleReloader(directory: directory, store: store, configuration: configuration,
                                                   metrics: metrics, logger: logger))
        }
        return application
    }
}
