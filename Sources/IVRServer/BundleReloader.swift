import Foundation
import IVRBundle
import Logging
import ServiceLifecycle
import UnixSignals

/// Replaces the served bundle when the directory is replaced (polled) or on SIGHUP. A bundle
/// that fails verification is refused and the old one keeps serving. A poll can catch a build
/// mid-swap, so a failed poll is retried at the next one and counted as refused only when the
/// same directory state fails twice.
public actor BundleReloader: Service {
    /// A bundle built for another environment than `--env` names.
    public struct EnvironmentMismatch: Error, CustomStringConvertible {
        public let description: String
    }

    /// A bundle whose flows carry call values, on a server started without a values key.
    public struct ValuesKeyMissing: Error, CustomStringConvertible {
        public let description: String
    }

    /// A store's current build whose directory holds a build of another id (changed after it
    /// was stored): served, its URLs would name an id no replica finds in the store.
    public struct StoredBuildMismatch: Error, CustomStringConvertible {
        public let description: String
    }

    private let directory: URL
    private let store: BundleStore
    private let urlPrefix: String
    private let environment: String?
    private let valuesKeyed: Bool
    private let pollInterval: Duration
    private let metrics: ServerMetrics
    private let logger: Logger
    private var loaded: BundleFingerprint
    /// The directory state that failed to load once and is waiting for a second try.
    private var failedOnce: BundleFingerprint?
    /// The directory state already reported as refused, so it is not reported every second.
    private var refused: BundleFingerprint?

    public init(directory: URL, store: BundleStore, configuration: ServerConfiguration, metrics: ServerMetrics, logger: Logger) {
        self.directory = directory
        self.store = store
        self.urlPrefix = configuration.urlPrefix
        self.environment = configuration.environment
        self.valuesKeyed = configuration.valueSeal != nil
        self.pollInterval = configuration.pollInterval
        self.metrics = metrics
        self.logger = logger
        self.loaded = store.current.origin ?? BundleFingerprint(directory: directory.path)
    }

    /// Loads and relocates the bundle at `directory`; what `ivrc serve` does at startup too.
    /// With `environment`, a bundle built for another environment (or none) is refused; without
    /// `valuesKeyed`, so is a bundle whose flows carry values (nothing could seal them).
    public static func load(_ directory: URL, urlPrefix: String, environment: String? = nil,
                            valuesKeyed: Bool = false) throws -> ServedBundle {
        let origin = BundleFingerprint(directory: directory.path)
        // A store's current build is read from the directory of the id its link names, once, so
        // a deploy switching the link meanwhile cannot pair one build's id with another's files.
        let store = BundleStoreDirectory.isStore(directory.path) ? BundleStoreDirectory(root: directory) : nil
        let storedID = try store?.currentID()
        let bundle = try LoadedBundle(directory: storedID.flatMap { store?.directory(of: $0) } ?? directory)
        if let environment, bundle.manifest.environment?.name != environment {
            let built = bundle.manifest.environment.map { "for `\($0.name)`" } ?? "without --env"
            throw EnvironmentMismatch(description: "\(directory.path) was built \(built), not for `\(environment)`")
        }
        var served = try ServedBundle(bundle: bundle, pathPrefix: urlPrefix)
        if let storedID, served.id != storedID {
            throw StoredBuildMismatch(description: "the store's current build \(storedID) holds bundle \(served.id): changed after it was "
                + "stored; build the sources again into the store (`ivrc build SRC -o \(directory.path)`)")
        }
        if !valuesKeyed, !served.values.isEmpty {
            throw ValuesKeyMissing(description: "flows \(served.values.flowNames.joined(separator: ", ")) use call values ({{NAME}}), "
                + "which the server carries sealed: give --values-key-file FILE (or IVRC_VALUES_KEY), the same on every replica")
        }
        served.origin = origin
        return served
    }

    /// What `ivrc serve DIR` starts on: the bundle at `directory` (a store's current build).
    /// When a store's current build is refused, the newest build of its history that loads
    /// serves instead, with the degradation saying why; nothing loading is the first refusal.
    public static func loadAtStartup(_ directory: URL, urlPrefix: String, environment: String? = nil,
                                     valuesKeyed: Bool = false) throws -> (ServedBundle, BundleStore.Degradation?) {
        do {
            return (try load(directory, urlPrefix: urlPrefix, environment: environment, valuesKeyed: valuesKeyed), nil)
        } catch {
            guard BundleStoreDirectory.isStore(directory.path) else { throw error }
            let store = BundleStoreDirectory(root: directory)
            let current = try? store.currentID()
            let stored = Set(store.storedIDs())
            var tried: Set<String> = current.map { [$0] } ?? []
            for entry in store.history().entries.reversed() where stored.contains(entry.id) && tried.insert(entry.id).inserted {
                guard var served = try? load(store.directory(of: entry.id), urlPrefix: urlPrefix, environment: environment,
                                             valuesKeyed: valuesKeyed), served.id == entry.id else { continue }
                // The refused state is what was looked at: the reloader waits for `current` to change.
                served.origin = BundleFingerprint(directory: directory.path)
                let refused = current.map { "current build \($0)" } ?? "current"
                return (served, BundleStore.Degradation(
                    reason: "\(refused) refused (\(error)); serving \(served.id), the newest good build of the store", since: Date()))
            }
            throw error
        }
    }

    public func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        await withTaskGroup(of: Void.self) { group in
            group.addTask(priority: .background) {
                let loaded = await self.store.preloadRecentlyRetired()
                if !loaded.isEmpty {
                    self.logger.info("retired builds calls may still be on loaded ahead of their calls",
                                     metadata: ["bundles": "\(loaded.joined(separator: ","))"])
                }
            }
            group.addTask {
                for await _ in hangups { await self.reload() }
            }
            group.addTask {
                while (try? await Task.sleep(for: self.pollInterval)) != nil { await self.poll() }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }

    /// Reloads when the directory changed since the last load.
    public func poll() async {
        store.evictIdle()
        let now = BundleFingerprint(directory: directory.path)
        guard now != loaded, now != refused else { return }
        do {
            try await install()
        } catch {
            guard now == failedOnce else {
                failedOnce = now
                logger.notice("bundle directory changed but does not load yet; retrying at the next poll", metadata: ["reason": "\(error)"])
                return
            }
            refuse(now, error: error)
        }
    }

    /// Reloads unconditionally (SIGHUP): a failure is refused at once, the operator asked now.
    public func reload() async {
        let now = BundleFingerprint(directory: directory.path)
        do {
            try await install()
        } catch {
            refuse(now, error: error)
        }
    }

    private func install() async throws {
        let directory = directory
        let urlPrefix = urlPrefix
        let environment = environment
        let valuesKeyed = valuesKeyed
        let served: ServedBundle
        let source: String
        if let held = await heldCurrentBuild() {
            (served, source) = (held, "memory")
        } else {
            // Hashing and relocating thousands of documents is CPU work, kept off the actor's executor.
            served = try await Task.detached { try Self.load(directory, urlPrefix: urlPrefix, environment: environment, valuesKeyed: valuesKeyed) }.value
            source = "disk"
        }
        let previous = store.current
        store.replace(with: served)
        loaded = served.origin ?? loaded
        failedOnce = nil
        refused = nil
        store.degrade(nil)
        metrics.degraded(false)
        metrics.serving(served, replacing: previous)
        metrics.reload(served.id == previous.id ? .unchanged : .loaded)
        logger.info("bundle loaded", metadata: ["bundle": "\(served.id)", "previous": "\(previous.id)", "loaded_from": "\(source)"])
    }

    /// The store's current build when this server holds it retired: loaded on demand for a call
    /// that another replica started on it before this one reloaded, or a rollback to a build
    /// retired here. It passed the same checks when it was loaded, and a stored build never
    /// changes under its id, so it is switched to without loading it again. A build a call's
    /// request is loading right now is waited for rather than loaded a second time. The build
    /// already serving is read again (a SIGHUP asks for that).
    private func heldCurrentBuild() async -> ServedBundle? {
        // Looked at before the link is read: a switch in between is seen at the next poll.
        let origin = BundleFingerprint(directory: directory.path)
        guard BundleStoreDirectory.isStore(directory.path), let id = try? BundleStoreDirectory(root: directory).currentID(),
              id != store.current.id else { return nil }
        var found = store.bundle(id: id)
        if found == nil, store.isLoading(id) { found = await store.bundle(forCallOn: id) }
        guard var held = found else { return nil }
        held.origin = origin
        return held
    }

    private func refuse(_ fingerprint: BundleFingerprint, error: any Error) {
        failedOnce = nil
        refused = fingerprint
        metrics.reload(.refused)
        store.degrade("bundle at \(directory.path) refused: \(error)")
        metrics.degraded(true)
        logger.error("bundle refused; the previous bundle keeps serving",
                     metadata: ["bundle": "\(store.current.id)", "reason": "\(error)"])
    }
}
