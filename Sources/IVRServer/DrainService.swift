import Logging
import ServiceLifecycle

/// The first service stopped on SIGTERM (a `ServiceGroup` stops its services in reverse): it
/// marks the server draining and holds the shutdown for `drain.delay`, so the webhook listener
/// keeps answering while load balancers see `/readyz` 503 and stop sending new requests.
struct DrainService: Service {
    let drain: Drain
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        drain.begin()
        logger.info("draining", metadata: ["delay_seconds": .stringConvertible(Int(drain.delay.components.seconds))])
        try? await Task.sleep(for: drain.delay)
    }
}
