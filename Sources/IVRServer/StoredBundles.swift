import Foundation
import IVRBundle
import Logging
import Synchronization

/// The builds of a bundle store on disk that calls may still be on, loaded when a request
/// names one this server does not hold: after a restart, after another replica's deploy, or
/// once it fell out of memory. Each is verified as at startup (hashes, environment, values key)
/// and must carry the id it is stored under. Loads of one id are shared; a refused build is not
/// tried again until the store's history changes.
public final class StoredBundles: Sendable {
    public let directory: BundleStoreDirectory
    private let gracePeriod: TimeInterval
    private let load: @Sendable (URL) throws -> ServedBundle
    private let metrics: ServerMetrics
    private let logger: Logger
    private let loads = Mutex<[String: Task<ServedBundle?, Never>]>([:])
    /// Ids refused, with the history they were refused under (a rebuild may repair them).
    private let refused = Mutex<[String: BundleHistory]>([:])

    public init(directory: BundleStoreDirectory, gracePeriod: Duration, metrics: ServerMetrics, logger: Logger,
                load: @escaping @Sendable (URL) throws -> ServedBundle) {
        self.directory = directory
        self.gracePeriod = TimeInterval(gracePeriod.components.seconds)
        self.metrics = metrics
        self.logger = logger
        self.load = load
    }

    /// The retained builds (retired within the grace period, still stored), newest first.
    public func retained(at now: Date = Date()) -> [BundleHistory.Entry] {
        directory.retained(current: try? directory.currentID(), gracePeriod: gracePeriod, at: now)
    }

    /// Whether build `id` is being loaded for a call's request right now.
    func isLoading(_ id: String) -> Bool { loads.withLock { $0[id] != nil } }

    /// The build `id` and when it was retired (now, for the current build), when it is current
    /// or retained and loads; nil otherwise.
    /// Each load is counted and logged, a refusal with its reason.
    func bundle(id: String, at now: Date = Date()) async -> (ServedBundle, retiredAt: Date)? {
        guard BundleID.isValid(id) else { return nil }
        let history = directory.history()
        // The store's current build too: another replica may have reloaded first and started a
        // call on it, whose next request comes here before this replica's reload.
        let current = try? directory.currentID()
        guard let entry = current == id ? BundleHistory.Entry(id: id, since: now)
                : directory.retained(current: current, gracePeriod: gracePeriod, at: now, history: history).first(where: { $0.id == id }) else { return nil }
        if refused.withLock({ $0[id] == history }) { return nil }
        let task = loads.withLock { loads in
            if let running = loads[id] { return running }
            let (load, metrics, logger) = (load, metrics, logger)
            let path = directory.directory(of: id)
            // Hashing and relocating a bundle is CPU work, kept off the event loop that asked.
            let task = Task.detached { () -> ServedBundle? in
                let reason: String
                do {
                    let served = try load(path)
                    if served.id == id {
                        metrics.storedBundleLoad(.loaded)
                        logger.info("retained bundle loaded from the store", metadata: ["bundle": "\(id)"])
                        return served
                    }
                    reason = "it holds bundle \(served.id): changed after it was stored"
                } catch {
                    reason = "\(error)"
                }
                metrics.storedBundleLoad(.refused)
                logger.error("retained bundle refused; its calls get 404", metadata: ["bundle": "\(id)", "reason": "\(reason)"])
                return nil
            }
            loads[id] = task
            return task
        }
        let served = await task.value
        loads.withLock { $0[id] = nil }
        if served == nil { refused.withLock { $0[id] = history } }
        return served.map { ($0, entry.since) }
    }
}
