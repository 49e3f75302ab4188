/// How long a peer may hold a connection without progress, and how many it may hold at once:
/// what keeps an unauthenticated client from filling the descriptor table (`ivrc serve`'s
/// `--idle-timeout`, `--header-timeout`, `--body-timeout`, `--max-connections`).
public struct ConnectionLimits: Sendable, Equatable {
    /// A kept-alive connection with no request in progress is closed after this long. Longer than
    /// nginx's upstream `keepalive_timeout` (60 s), so nginx closes first and never reuses a
    /// connection the server is closing.
    public var idleTimeout: Duration = .seconds(75)
    /// A new connection's request head (request line and headers) must be complete this soon.
    public var headerTimeout: Duration = .seconds(10)
    /// A request's body must be complete this soon after its head; Telnyx sends a few hundred bytes.
    public var bodyTimeout: Duration = .seconds(10)
    /// Connections the webhook listener holds at once; more wait in the kernel's backlog until one
    /// closes. Never more than the descriptor table leaves room for (`DescriptorBudget`).
    public var maxConnections = 1024
    /// The operations listener's own cap: Prometheus and a load balancer need a few.
    public var maxOperationsConnections = 16

    public init() {}
}
