import IVRRecordings
import TelnyxWebhook

/// How `ivrc serve` answers: where, under which URL, how strictly.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Where `/healthz`, `/readyz` and `/metrics` answer: a listener of their own, on loopback
    /// by default, so the webhook's public address never exposes them.
    public var operationsHost = "127.0.0.1"
    public var operationsPort = 8081
    /// Timeouts and the connection cap that keep idle or slow peers from exhausting descriptors.
    public var connectionLimits = ConnectionLimits()
    /// The webhook path Telnyx POSTs a new call to; documents are served below it.
    public var path = "/texml"
    /// `scheme://host[:port]` the world reaches this server's root at (e.g. behind nginx); when
    /// set, documents carry absolute URLs, otherwise URLs rooted at `path`.
    public var publicURL: String?
    /// Nil only with `--insecure-no-signatures`.
    public var verifier: TelnyxSignature.Verifier?
    /// Larger request bodies are refused with 413; Telnyx's forms are well under 4 KiB.
    public var maxBodyBytes = 64 * 1024
    /// Answer to a number no flow answers: 404 lets Telnyx's failover URL take over.
    public var unknownNumberStatus = 404
    public var retention = BundleStore.Retention()
    /// Proxies (nginx, a load balancer) whose `X-Forwarded-For` names the client in the log.
    public var trustedProxies: Set<String> = []
    /// How long SIGTERM keeps the webhook answering, `/readyz` 503, before it stops accepting:
    /// long enough for a load balancer's next readiness check to take the replica out.
    public var drainDelay: Duration = .seconds(3)
    /// How often the bundle directory is checked for replacement.
    public var pollInterval: Duration = .seconds(1)
    /// `hours` decided by the moment a test sends (`X-IVRC-Moment`, from `ivrc test --url`)
    /// instead of this server's clock: for test servers only, never set by default.
    public var testClock = false
    /// With `--env NAME`: only bundles built for that environment are served (or reloaded).
    public var environment: String?
    /// Seals the values calls carry in URLs (`--values-key-file`); a bundle whose flows use
    /// values is refused without one.
    public var valueSeal: ValueSeal?
    /// Receives `recording-status-callback serve` recordings (`--recordings-dir`,
    /// `--recordings-key-file`); without it the receiver answers 404.
    public var recordings: RecordingReceiver?

    public init() {}

    /// The prefix every served document URL starts with.
    public var urlPrefix: String { (publicURL ?? "") + path }
}
