import Foundation
import IVRBundle
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
        /// At most this many replaced bundles are held in memory (oldest dropped first),
        /// bounding memory: without a store a dropped bundle's calls get 404, with one it is
        /// loaded again when a call asks for it.
        public var maxRetired: Int

        public init(gracePeriod: Duration = .seconds(4 * 3600), maxRetired: Int = 4) {
            self.gracePeriod = gracePeriod
            self.maxRetired = maxRetired
        }
    }

    /// Why the bundle new calls start on is not the one on disk: a build refused at startup or
    /// on reload, the newest good bundle serving instead.
    public struct Degradation: Sendable, Equatable {
        public let reason: String
        public let since: Date
    }

    private struct State {
        var current: ServedBundle
        var retired: [(bundle: ServedBundle, since: ContinuousClock.Instant)] = []
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
        state.withLock { state in
            guard state.current.id != bundle.id else { return }
            state.retired.removeAll { $0.bundle.id == bundle.id }
            state.retired.append((state.current, now))
            state.current = bundle
            trim(&state.retired)
        }
    }

    /// The bundle with this id held in memory, if it is current or retired less than the grace period ago.
    public func bundle(id: String, at now: ContinuousClock.Instant = .now) -> ServedBundle? {
        state.withLock { state in
            if state.current.id == id { return state.current }
            state.retired.removeAll { now - $0.since > retention.gracePeriod }
            return state.retired.first { $0.bundle.id == id }?.bundle
        }
    }

    /// The bundle a call on `id` is answered from: in memory, else loaded from the store when it
    /// retains that build (and then held in memory like a bundle retired here).
    public func bundle(forCallOn id: String) async -> ServedBundle? {
        if let held = bundle(id: id) { return held }
        guard let stored, let (loaded, retiredAt) = await stored.bundle(id: id) else { return nil }
        let since = ContinuousClock.now - .seconds(max(0, Date().timeIntervalSince(retiredAt)))
        return state.withLock { state in
            if let held = state.retired.first(where: { $0.bundle.id == id }) { return held.bundle }
            state.retired.append((loaded, since))
            state.retired.sort { $0.since < $1.since }
            trim(&state.retired)
            return loaded
        }
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

    private func trim(_ retired: inout [(bundle: ServedBundle, since: ContinuousClock.Instant)]) {
        if retired.count > retention.maxRetired { retired.removeFirst(retired.count - retention.maxRetired) }
    }
}
