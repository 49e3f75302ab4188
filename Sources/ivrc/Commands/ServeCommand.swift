import ArgumentParser
import BuildInfo
import Synchronization
import Foundation
import IVRBundle
import IVRLang
import IVRServer
import Logging
import NIOCore
import NIOPosix
import TelnyxWebhook

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer Telnyx TeXML webhooks from a compiled bundle.",
        discussion: """
            POST {path} with the call's To answers with that flow's entry document; every URL in a \
            served document is {public-url}{path}/{bundle-id}/FLOW/NAME.route|.xml. Requests must \
            carry Telnyx's Ed25519 signature unless --insecure-no-signatures is given. The bundle is \
            reloaded on SIGHUP and when its directory is replaced. Given a bundle store (`ivrc build --store`), \
            a call on any build the store retains is answered (loaded on demand), and a refused current \
            build leaves the newest good one serving, degraded in /readyz. SIGTERM drains: /readyz answers \
            503 at once, the webhook keeps answering for --drain-delay, then stops accepting, \
            finishes in-flight requests and exits 0. One JSON log line per request on stdout.
            """
    )

    /// The server's own defaults, so the flags cannot disagree with them.
    private static let defaults = ServerConfiguration()

    @Argument(help: "Bundle directory written by `ivrc build -o`, or a bundle store (`ivrc build --store`): its current build, and every build it retains answers its calls.")
    var bundle: String

    @Option(help: "Address to listen on.")
    var host = ServeCommand.defaults.host

    @Option(help: "Port to listen on (0: any free port, named in the startup log line).")
    var port = ServeCommand.defaults.port

    @Option(help: "Address of the operations listener (/healthz, /readyz, /metrics); keep it private.")
    var opsHost = "127.0.0.1"

    @Option(help: "Port of the operations listener (0: any free port); never the webhook's.")
    var opsPort = 8081

    @Option(help: "Seconds a kept-alive connection may wait for its next request.")
    var idleTimeout = 75

    @Option(help: "Seconds a new connection has to send its complete request line and headers.")
    var headerTimeout = 10

    @Option(help: "Seconds a request has to send its complete body after its headers.")
    var bodyTimeout = 10

    @Option(help: "Address of a proxy in front of the server (repeatable): its X-Forwarded-For names the client in the log. Without it the peer address is logged.")
    var trustedProxy: [String] = []

    @Option(help: "Seconds SIGTERM keeps answering webhooks, /readyz 503, before the listener stops accepting.")
    var drainDelay = Int(ServeCommand.defaults.drainDelay.components.seconds)

    @Option(help: "Bytes of log lines held while standard output's reader is behind; lines beyond are dropped and counted (ivrc_log_lines_dropped_total), requests never wait.")
    var logBufferBytes = LogWriter.defaultCapacity

    @Option(help: "Event loops (threads) answering requests; default: one per CPU this process may use, a container's CPU limit included. Fewer leave cores to what shares the host, a proxy or a load generator (docs/performance.md).")
    var eventLoops: Int?

    @Option(help: "Connections held at once (more wait until one closes); lowered to what `ulimit -n` leaves room for.")
    var maxConnections = 1024

    @Option(help: "Webhook path Telnyx POSTs new calls to; documents are served below it.")
    var path = ServeCommand.defaults.path

    @Option(help: "scheme://host[:port] the server is reached at from outside (e.g. behind nginx); documents then carry absolute URLs.")
    var publicURL: String?

    @Option(help: "Telnyx account public key (base64, Ed25519); also read from TELNYX_PUBLIC_KEY.")
    var telnyxPublicKey: String?

    @Flag(help: "Serve without checking Telnyx signatures (local testing only; also accepts GET).")
    var insecureNoSignatures = false

    @Option(help: "Seconds a request's telnyx-timestamp may differ from this server's clock.")
    var signatureTolerance = Int(TelnyxSignature.defaultTolerance)

    @Option(help: "HTTP status for a number no flow answers (non-200 sends Telnyx to the failover URL).")
    var unknownNumberStatus = ServeCommand.defaults.unknownNumberStatus

    @Option(help: "Largest request body accepted, in bytes (larger: 413).")
    var maxBodyBytes = ServeCommand.defaults.maxBodyBytes

    @Option(help: "Seconds a replaced bundle keeps answering calls that started on it (default: 4 h, TeXML's longest call).")
    var gracePeriod = Int(ServeCommand.defaults.retention.gracePeriod.components.seconds)

    @Option(help: "Replaced bundles held in memory at most (default: 4; 2 with a bundle store, which drops those idle for 10 minutes and reloads any a call asks for).")
    var retiredInMemory: Int?

    @Option(help: "Milliseconds between checks of the bundle directory for replacement.")
    var pollInterval = Int(ServeCommand.defaults.pollInterval / .milliseconds(1))

    @Option(help: "Serve only a bundle built with --env NAME: a bundle built for another environment is refused, also on reload.")
    var env: String?

    @Option(help: "File holding the key that seals the values calls carry in URLs: base64 of at least 32 random bytes (`openssl rand -base64 32`), optionally followed by the previous key on a second line while rotating; also IVRC_VALUES_KEY. Give every replica the same key.")
    var valuesKeyFile: String?

    @OptionGroup(title: "Recordings")
    var recordings: RecordingsServeOptions

    @Flag(help: "Decide `hours` by the moment `ivrc test --url` sends (X-IVRC-Moment) instead of the clock: test servers only.")
    var testClock = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 (any free port) and 65535") }
        guard (0...65535).contains(opsPort) else { throw ValidationError("--ops-port must be between 0 (any free port) and 65535") }
        guard opsPort == 0 || opsPort != port || opsHost != host else {
            throw ValidationError("--ops-port must differ from --port: /metrics and /readyz never share the webhook's listener")
        }
        for (name, seconds) in [("--idle-timeout", idleTimeout), ("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout)] {
            guard (1...3600).contains(seconds) else { throw ValidationError("\(name) must be between 1 and 3600 seconds") }
        }
        if let bad = trustedProxy.first(where: { !ClientAddress.isAddress($0) }) {
            throw ValidationError("--trusted-proxy takes an IP address (127.0.0.1, ::1), not `\(bad)`")
        }
        guard (0...300).contains(drainDelay) else { throw ValidationError("--drain-delay must be between 0 and 300 seconds") }
        guard logBufferBytes >= 64 * 1024 else { throw ValidationError("--log-buffer-bytes must be at least 65536") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        if let eventLoops, !(1...256).contains(eventLoops) { throw ValidationError("--event-loops must be between 1 and 256") }
        guard path.hasPrefix("/"), !path.hasSuffix("/"), !path.contains("//"), !path.contains(".."), !path.contains("?"),
              !path.contains(":"), !path.contains(where: \.isWhitespace) else {
            throw ValidationError("--path must be an absolute URL path without a trailing slash, e.g. /texml")
        }
        if let publicURL {
            guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme), url.host != nil,
                  url.query == nil, url.fragment == nil, !publicURL.hasSuffix("/") else {
                throw ValidationError("--public-url must be an http(s) URL without a trailing slash, e.g. https://ivr.example.com")
            }
        }
        guard signatureTolerance > 0 else { throw ValidationError("--signature-tolerance must be a positive number of seconds") }
        guard (400...599).contains(unknownNumberStatus) else {
            throw ValidationError("--unknown-number-status must be an HTTP error status (400-599), so Telnyx uses the failover URL")
        }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
        guard gracePeriod >= 0 else { throw ValidationError("--grace-period must not be negative") }
        guard (retiredInMemory ?? 0) >= 0 else { throw ValidationError("--retired-in-memory must not be negative") }
        guard pollInterval >= 10 else { throw ValidationError("--poll-interval must be at least 10 ms") }
        if publicKey == nil, !insecureNoSignatures {
            throw ValidationError("give --telnyx-public-key (or TELNYX_PUBLIC_KEY), or --insecure-no-signatures to serve unsigned requests")
        }
        if publicKey != nil, insecureNoSignatures {
            throw ValidationError("--insecure-no-signatures contradicts a Telnyx public key; give one or the other")
        }
        if let publicKey, TelnyxSignature.Verifier(publicKeyBase64: publicKey) == nil {
            throw ValidationError("the Telnyx public key is not base64 of a 32-byte Ed25519 key (copy it from the portal's Keys & Credentials)")
        }
    }

    /// The key that seals carried values: `--values-key-file` (a regular file, read with the
    /// same confined reader as every input), else `IVRC_VALUES_KEY`, else none.
    private func valueSeal() throws -> ValueSeal? {
        let material: [UInt8]
        if let valuesKeyFile {
            let file = URL(fileURLWithPath: valuesKeyFile)
            do {
                let folder = try ConfinedDirectory(file.deletingLastPathComponent().path)
                material = try folder.read(file.lastPathComponent, limit: 4096)
            } catch let failure as FileAccessFailure {
                throw UsageFailure("cannot read --values-key-file: \(failure.description)")
            }
        } else if let key = ProcessInfo.processInfo.environment["IVRC_VALUES_KEY"], !key.isEmpty {
            material = Array(key.utf8)
        } else {
            return nil
        }
        do {
            return try ValuesKeyring.seal(from: String(decoding: material, as: UTF8.self))
        } catch {
            throw UsageFailure(error.description)
        }
    }

    /// The timeouts and caps asked for, the caps lowered to what the descriptor table leaves.
    private func connectionLimits() throws -> ConnectionLimits {
        var limits = ConnectionLimits()
        limits.idleTimeout = .seconds(idleTimeout)
        limits.headerTimeout = .seconds(headerTimeout)
        limits.bodyTimeout = .seconds(bodyTimeout)
        limits.maxConnections = maxConnections
        guard let fitted = DescriptorBudget.fitted(limits, limit: DescriptorBudget.limit, open: DescriptorBudget.open) else {
            throw UsageFailure("the descriptor limit (ulimit -n \(DescriptorBudget.limit ?? 0)) leaves no room for connections "
                + "after the \(DescriptorBudget.reserve) the server keeps in reserve; raise it (systemd: LimitNOFILE=65536)")
        }
        return fitted
    }

    private var publicKey: String? {
        telnyxPublicKey ?? ProcessInfo.processInfo.environment["TELNYX_PUBLIC_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func run() throws {
        // Before anything starts NIO's event loops, which are also Swift concurrency's threads here (`block`).
        if let eventLoops { NIOSingletons.groupLoopCountSuggestion = eventLoops }
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.operationsHost = opsHost
        configuration.operationsPort = opsPort
        configuration.path = path
        configuration.publicURL = publicURL
        configuration.unknownNumberStatus = unknownNumberStatus
        configuration.maxBodyBytes = maxBodyBytes
        configuration.retention.gracePeriod = .seconds(gracePeriod)
        configuration.pollInterval = .milliseconds(pollInterval)
        configuration.drainDelay = .seconds(drainDelay)
        configuration.trustedProxies = Set(trustedProxy)
        configuration.testClock = testClock
        configuration.environment = env
        configuration.verifier = publicKey.flatMap {
            TelnyxSignature.Verifier(publicKeyBase64: $0, tolerance: TimeInterval(signatureTolerance))
        }
        let directory = URL(fileURLWithPath: bundle)
        let storeDirectory = BundleStoreDirectory.isStore(directory.path) ? BundleStoreDirectory(root: directory) : nil
        configuration.retention.maxRetired = retiredInMemory ?? (storeDirectory == nil ? configuration.retention.maxRetired : 2)
        try reportingFailures {
            configuration.connectionLimits = try connectionLimits()
            configuration.valueSeal = try valueSeal()
            let served: ServedBundle
            let degradation: BundleStore.Degradation?
            do {
                (served, degradation) = try BundleReloader.loadAtStartup(directory, urlPrefix: configuration.urlPrefix, environment: env,
                                                                         valuesKeyed: configuration.valueSeal != nil)
            } catch {
                throw UsageFailure("cannot serve \(bundle): \(error)")
            }
            let metrics = ServerMetrics()
            let logWriter = LogWriter(capacity: logBufferBytes) { metrics.logLineDropped() }
            let logger = Logger(label: "ivrc.serve") { JSONLogHandler.writing(to: logWriter, label: $0) }
            configuration.recordings = try recordings.receiver(logger: logger)
            let server = VoiceServer(bundle: served, configuration: configuration, metrics: metrics, logger: logger,
                                     storeDirectory: storeDirectory, degradation: degradation)
            if let degradation {
                logger.error("degraded: the store's current build is refused; its newest good build serves",
                             metadata: ["bundle": "\(served.id)", "reason": "\(degradation.reason)"])
            }
            if configuration.verifier == nil {
                logger.warning("signatures are NOT checked (--insecure-no-signatures): anyone who can reach this port can drive calls")
            }
            if testClock {
                logger.warning("--test-clock: `hours` follow the X-IVRC-Moment header of each request, not the clock")
            }
            // Said once the socket is bound: the real port for --port 0, nothing for a busy port.
            let signatures = configuration.verifier == nil ? "off" : "on"
            let maxConnections = configuration.connectionLimits.maxConnections
            let listening: @Sendable (Int) -> Void = { [host, path, opsHost, opsPort] bound in
                logger.info("serving", metadata: [
                    "bundle": "\(served.id)", "flows": .stringConvertible(served.bundle.manifest.flows.count),
                    "url": "http://\(host):\(bound)\(path)", "signatures": "\(signatures)",
                    "operations": "http://\(opsHost):\(opsPort)", "max_connections": .stringConvertible(maxConnections),
                    "event_loops": .stringConvertible(NIOSingletons.groupLoopCountSuggestion),
                    "commit": "\(BuildInfo.commit)",
                ])
            }
            return try Self.block(listeningOn: "\(host):\(port)") {
                defer { logWriter.flush() }
                try await server.run(watching: directory, listening: listening)
                logger.info("stopped", metadata: [
                    "requests_finished": .stringConvertible(server.drain.requestsFinished),
                    "log_lines_dropped": .stringConvertible(logWriter.droppedLines),
                ])
            }
        }
    }

    /// Runs the server on Swift concurrency's threads while the synchronous command waits.
    /// Those threads are NIO's event loops: a request's handler then runs where its socket is
    /// served, without a hop to another thread pool and back (the hop halved throughput).
    /// A socket that cannot be bound (`address`) is one line, exit 2.
    private static func block(listeningOn address: String, _ body: @escaping @Sendable () async throws -> Void) throws -> Int32 {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Task {
            do { try await body() } catch { failure.withLock { $0 = error } }
            finished.signal()
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) {
            if let io = error as? IOError {
                let reason = io.errnoCode == EADDRINUSE ? "the port is in use (is another server running? choose another --port)"
                    : String(cString: strerror(io.errnoCode))
                throw UsageFailure("cannot listen on \(address): \(reason)")
            }
            throw UsageFailure("server stopped: \(error)")
        }
        return ExitStatus.clean
    }
}
