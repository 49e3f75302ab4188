import Foundation
import Hummingbird
import IVRBundle
import HummingbirdCore
import NIOCore
import Logging
import ServiceLifecycle

/// `ivrc serve` assembled: the router (TeXML and operations routes behind the log and metrics
/// middleware) and the Hummingbird application that runs it with the bundle reloader.
public struct VoiceServer: Sendable {
    public let store: BundleStore
    public let configuration: ServerConfiguration
    public let metrics: ServerMetrics
    public let logger: Logger
    public let drain: Drain
    /// The status callbacks this replica has taken, so a repeat or late one is not counted again.
    let statusWindow = CallStatusWindow()

    /// - Parameters:
    ///   - storeDirectory: the bundle store `bundle` came from, whose retained builds are then
    ///     loaded on demand; nil for a bundle directory given the old way (or made in memory).
    ///   - degradation: why `bundle` is not the store's current build, when it is not.
    public init(bundle: ServedBundle, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics(), logger: Logger,
                storeDirectory: BundleStoreDirectory? = nil, degradation: BundleStore.Degradation? = nil) {
        let stored = storeDirectory.map { directory in
            StoredBundles(directory: directory, gracePeriod: configuration.retention.gracePeriod, metrics: metrics, logger: logger) {
                try BundleReloader.load($0, urlPrefix: configuration.urlPrefix, environment: configuration.environment,
                                        valuesKeyed: configuration.valueSeal != nil)
            }
        }
        self.store = BundleStore(bundle, retention: configuration.retention, stored: stored, degradation: degradation)
        metrics.degraded(degradation != nil)
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
        self.drain = Drain(delay: configuration.drainDelay)
        metrics.serving(bundle, replacing: nil)
        metrics.signaturesDisabled(configuration.verifier == nil)
    }

    /// The webhook listener's routes: TeXML, the recording receiver and the call status
    /// callbacks (all Telnyx's signed webhooks), behind the log and metrics middleware.
    public func router() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: DrainMiddleware(drain: drain))
        router.add(middleware: RequestLogMiddleware(logger: logger, metrics: metrics, trustedProxies: configuration.trustedProxies))
        RecordingRoutes(store: store, configuration: configuration, metrics: metrics).add(to: router)
        CallStatusRoutes(store: store, configuration: configuration, metrics: metrics, window: statusWindow).add(to: router)
        TeXMLRoutes(store: store, configuration: configuration, metrics: metrics).add(to: router)
        return router
    }

    /// The operations listener's routes: `/healthz`, `/readyz`, `/metrics`, on an address of
    /// their own so the webhook's public listener never answers them.
    public func operationsRouter() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger, metrics: metrics))
        OperationsRoutes(store: store, metrics: metrics, drain: drain).add(to: router)
        return router
    }

    /// Runs the application until SIGTERM or SIGINT, then drains: `/readyz` turns 503 and the
    /// webhook keeps answering for `drainDelay`, then the listener stops accepting, finishes
    /// the requests it has, and the call returns.
    public func run(watching directory: URL?, listening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [application(watching: directory, listening: listening), DrainService(drain: drain, logger: logger)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The application (the webhook listener, the operations listener beside it), with the
    /// reloader watching `directory` when one is given. Stopped gracefully, it stops accepting,
    /// finishes in-flight requests and returns. `listening` gets the webhook port once it is
    /// bound (the one chosen for port 0).
    public func application(watching directory: URL?,
                            listening: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        let limits = configuration.connectionLimits
        var operationsLogger = logger
        operationsLogger[metadataKey: "listener"] = "operations"
        let operations = Application(
            router: operationsRouter(), server: Self.http1(limits),
            configuration: .init(address: .hostname(configuration.operationsHost, port: configuration.operationsPort),
                                 serverName: nil,
                                 availableConnectionsDelegate: .maximum(limits.maxOperationsConnections, logger: operationsLogger)),
            logger: operationsLogger
        )
        let port = configuration.port
        var application = Application(
            router: router(), server: Self.http1(limits),
            configuration: .init(address: .hostname(configuration.host, port: port), serverName: nil,
                                 availableConnectionsDelegate: .maximum(limits.maxConnections, logger: logger)),
            services: [operations],
            onServerRunning: { channel in listening(channel.localAddress?.port ?? port) },
            logger: logger
        )
        if let directory {
            application.addServices(BundleReloader(directory: directory, store: store, configuration: configuration,
                                                   metrics: metrics, logger: logger))
        }
        return application
    }

    /// HTTP/1.1 with the idle timeout and the header and body deadlines of `limits`.
    private static func http1(_ limits: ConnectionLimits) -> HTTPServerBuilder {
        .http1(configuration: .init(additionalChannelHandlers: [RequestDeadlineHandler(limits: limits)],
                                    idleTimeout: TimeAmount(limits.idleTimeout)))
    }
}
