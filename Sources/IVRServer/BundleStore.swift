import Foundation
import IVRBundle
import CLinuxMemory
import Synchronization

/// The bundle new calls start on, plus the bundles replaced while calls may still be on them.
/// A call's URLs carry its bundle id, so every request of a call is answered from the bundle
/// that answered its first, until that bundle has been retired for longer than the grace period.
/// Served from a bundle store (`ivrc build --store`), a retired build not in memory is loaded
/// from the store on demand, so every replica answers every call also after a restart.
public final class BundleStore: Sendable {
    public struct Retention: Sendable {
        /// How long a replaced bundle keeps answering its calls (default: 4 h, the longest
        /// call TeXML allows, `timeLimit` of `<Dial>` max 14,400 s).
        public var gracePeriod: Duration
        /// At most this many replaced bundles are held in memory (without a store the oldest
        /// retired is dropped first and its calls get 404; with one the least recently used,
        /// loaded again when a call asks for it).
        public var maxRetired: Int
        /// With a store, a replaced bundle no request used for this long is dropped from memory:
        /// its calls have ended, or will wait for one load when a long dial returns.
        public var idleEviction: Duration

        public init(gracePeriod: Duration = .seconds(4 * 3600), maxRetired: Int = 4, idleEviction: Duration = .seconds(600)) {
            self.gracePeriod = gracePeriod
            self.maxRetired = maxRetired
            self.idleEviction = idleEviction
        }
    }

    /// Why the bundle new calls start on is not the one on disk: a build refused at startup or
    /// on reload, the newest good bundle serving instead.
    public struct Degradation: Sendable, Equatable {
        public let reason: String
        public let since: Date
    }

    private struct Retired {
        let bundle: ServedBundle
        /// When it was replaced: the grace period runs from here.
        let since: ContinuousClock.Instant
        var lastUsed: ContinuousClock.Instant
    }

    private struct State {
        var current: ServedBundle
        var retired: [Retired] = []
        var degradation: Degradation?
    }

    private let state: Mutex<State>
    private let retention: Retention
    /// The store retired builds are loaded from on demand; nil for a directory given the old way.
    public let stored: StoredBundles?

    public init(_ bundle: ServedBundle, retention: Retention = Retention(), stored: StoredBundles? = nil,
                degradation: Degradation? = nil) {
        state = Mutex(State(current: bundle, degradation: degradation))
        self.retention = retention
        self.stored = stored
    }

    public var current: ServedBundle { state.withLock { $0.current } }

    public var degradation: Degradation? { state.withLock { $0.degradation } }

    /// Marks the server degraded (`reason`), or well again (nil); an earlier reason's `since` is kept.
    public func degrade(_ reason: String?, at moment: Date = Date()) {
        state.withLock { state in
            guard let reason else { return state.degradation = nil }
            state.degradation = Degradation(reason: reason, since: state.degradation?.since ?? moment)
        }
    }

    /// Makes `bundle` the one new calls start on; the previous one is retired.
    public func replace(with bundle: ServedBundle, at now: ContinuousClock.Instant = .now) {
        trimmingMemory {
            state.withLock { state in
                guard state.current.id != bundle.id else { return 0 }
                state.retired.removeAll { $0.bundle.id == bundle.id }
                state.retired.append(Retired(bundle: state.current, since: now, lastUsed: now))
                state.current = bundle
                return trim(&state.retired, at: now)
            }
        }
    }

    /// The bundle with this id held in memory, if it is current or retired less than the grace period ago.
    public func bundle(id: String, at now: ContinuousClock.Instant = .now) -> ServedBundle? {
        state.withLock { state in
            if state.current.id == id { return state.current }
            state.retired.removeAll { now - $0.since > retention.gracePeriod }
            guard let index = state.retired.firstIndex(where: { $0.bundle.id == id }) else { return nil }
            state.retired[index].lastUsed = now
            return state.retired[index].bundle
        }
    }

    /// The bundle a call on `id` is answered from: in memory, else loaded from the store when it
    /// retains that build (and then held in memory like a bundle retired here).
    public func bundle(forCallOn id: String) async -> ServedBundle? {
        if let held = bundle(id: id) { return held }
        guard let stored, let (loaded, retiredAt) = await stored.bundle(id: id) else { return nil }
        let now = ContinuousClock.now
        let since = now - .seconds(max(0, Date().timeIntervalSince(retiredAt)))
        var answer = loaded
        trimmingMemory {
            state.withLock { state in
                if let held = state.retired.first(where: { $0.bundle.id == id }) {
                    answer = held.bundle
                    return 0
                }
                state.retired.append(Retired(bundle: loaded, since: since, lastUsed: now))
                state.retired.sort { $0.since < $1.since }
                return trim(&state.retired, at: now)
            }
        }
        return answer
    }

    /// Whether build `id` is being loaded from the store for a call's request right now.
    func isLoading(_ id: String) -> Bool { stored?.isLoading(id) ?? false }

    /// With a store, at startup: loads the builds it retains that were retired less than
    /// `idleEviction` ago (calls are likely still on them), newest first and at most
    /// `maxRetired`, so that after a restart those calls' next requests do not wait seconds for
    /// their build to load. One no call uses leaves memory again after `idleEviction`. Returns
    /// the ids loaded.
    public func preloadRecentlyRetired(at now: Date = Date()) async -> [String] {
        guard let stored else { return [] }
        let recent = stored.retained(at: now)
            .filter { now.timeIntervalSince($0.since) < TimeInterval(retention.idleEviction.components.seconds) }
            .prefix(retention.maxRetired)
        var loaded: [String] = []
        for entry in recent where bundle(id: entry.id) == nil {
            // A server told to stop does not start loading another build.
            guard !Task.isCancelled else { break }
            if await bundle(forCallOn: entry.id) != nil { loaded.append(entry.id) }
        }
        return loaded
    }

    /// Drops the replaced bundles idle longer than `idleEviction` (with a store only: without
    /// one nothing could bring them back). The reloader calls it at every poll.
    public func evictIdle(at now: ContinuousClock.Instant = .now) {
        guard stored != nil else { return }
        trimmingMemory { state.withLock { trim(&$0.retired, at: now) } }
    }

    /// The ids of the retired bundles this server can answer: in memory within the grace period,
    /// and the store's retained builds.
    public func answerableRetired(at now: ContinuousClock.Instant = .now) -> [String] {
        let held = state.withLock { state in
            state.retired.filter { now - $0.since <= retention.gracePeriod }.map(\.bundle.id)
        }
        let current = current.id
        return Array(Set(held + (stored?.retained().map(\.id) ?? [])).subtracting([current])).sorted()
    }

    /// Bounds the replaced bundles held: with a store, idle ones dropped and then the least
    /// recently used beyond `maxRetired`; without, the oldest retired beyond it. Returns how many went.
    private func trim(_ retired: inout [Retired], at now: ContinuousClock.Instant) -> Int {
        let before = retired.count
        if stored != nil {
            retired.removeAll { now - $0.lastUsed > retention.idleEviction }
            while retired.count > retention.maxRetired, let least = retired.indices.min(by: { retired[$0].lastUsed < retired[$1].lastUsed }) {
                retired.remove(at: least)
            }
        } else if retired.count > retention.maxRetired {
            retired.removeFirst(retired.count - retention.maxRetired)
        }
        return before - retired.count
    }

    /// Runs `body` (which returns how many bundles it dropped) and, when it dropped any, hands
    /// the freed pages back to the system: a bundle is tens of megabytes of small allocations
    /// that glibc would otherwise keep, so the resident size would never fall after a deploy.
    private func trimmingMemory(_ body: () -> Int) {
        guard body() > 0 else { return }
        _ = ivrc_release_free_memory()
    }
}
