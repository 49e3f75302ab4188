import Foundation
import Hummingbird
import IVRBundle
import HummingbirdCore
import NIOCore
import NIOHTTPTypes
import NIOPosix
import Logging
import ServiceLifecycle

/// `ivrc serve` assembled: the webhook router (TeXML, recordings and status callbacks behind the
/// log and metrics middleware) served by `WebhookChannel`, the operations routes by a Hummingbird
/// application beside it, and the bundle reloader.
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
        router.add(middleware: RequestLogMiddleware(log: requestLog))
        RecordingRoutes(store: store, configuration: configuration, metrics: metrics).add(to: router)
        CallStatusRoutes(store: store, configuration: configuration, metrics: metrics, window: statusWindow).add(to: router)
        TeXMLRoutes(store: store, configuration: configuration, metrics: metrics).add(to: router)
        return router
    }

    /// The TeXML requests the webhook listener answers without the router.
    func texmlFastPath() -> TeXMLFastPath {
        TeXMLFastPath(routes: TeXMLRoutes(store: store, configuration: configuration, metrics: metrics),
                      signatures: configuration.verifier.map { SignatureMiddleware(verifier: $0, maxBodyBytes: configuration.maxBodyBytes, metrics: metrics) },
                      log: requestLog, drain: drain)
    }

    private var requestLog: RequestLog { RequestLog(logger: logger, metrics: metrics, trustedProxies: configuration.trustedProxies) }

    /// The operations listener's routes: `/healthz`, `/readyz`, `/metrics`, on an address of
    /// their own so the webhook's public listener never answers them.
    public func operationsRouter() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestLogMiddleware(log: RequestLog(logger: logger, metrics: metrics)))
        OperationsRoutes(store: store, metrics: metrics, drain: drain).add(to: router)
        return router
    }

    /// Runs the listeners until SIGTERM or SIGINT, then drains: `/readyz` turns 503 and the
    /// webhook keeps answering for `drainDelay`, then the webhook listener stops accepting,
    /// finishes the requests it has, and the call returns.
    public func run(watching directory: URL?, listening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: services(watching: directory, listening: listening) + [DrainService(drain: drain, logger: logger)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The operations listener, the webhook listener and, when `directory` is given, the reloader
    /// watching it. A service group stops them in reverse order, so `/readyz` answers until the
    /// webhook has finished its requests. `listening` gets the webhook port once it is bound (the
    /// one chosen for port 0).
    func services(watching directory: URL?, listening: @escaping @Sendable (Int) -> Void) -> [any Service] {
        let limits = configuration.connectionLimits
        var operationsLogger = logger
        operationsLogger[metadataKey: "listener"] = "operations"
        let operations = Application(
            router: operationsRouter(),
            server: .http1(configuration: .init(additionalChannelHandlers: [RequestDeadlineHandler<HTTPRequestPart>(limits: limits)],
                                                idleTimeout: TimeAmount(limits.idleTimeout))),
            configuration: .init(address: .hostname(configuration.operationsHost, port: configuration.operationsPort),
                                 serverName: nil,
                                 availableConnectionsDelegate: .maximum(limits.maxOperationsConnections, logger: operationsLogger)),
            logger: operationsLogger
        )
        let port = configuration.port
        let webhook = WebhookChannel(responder: router().buildResponder(), fastPath: texmlFastPath(), limits: limits, maxBodyBytes: configuration.maxBodyBytes).server(
            configuration: HummingbirdCore.ServerConfiguration(address: .hostname(configuration.host, port: port), serverName: nil,
                                 availableConnectionsDelegate: .maximum(limits.maxConnections, logger: logger)),
            onServerRunning: { channel in listening(channel.localAddress?.port ?? port) },
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
        var services: [any Service] = [operations, webhook]
        if let directory {
            services.append(BundleReloader(directory: directory, store: store, configuration: configuration, metrics: metrics, logger: logger))
        }
        return services
    }
}
