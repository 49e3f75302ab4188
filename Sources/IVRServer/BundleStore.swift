import Foundation
import Synchronization

/// The bundle new calls start on, plus the bundles replaced while calls may still be on them.
/// A call's URLs carry its bundle id, so every request of a call is answered from the bundle
/// that answered its first, until that bundle has been retired for longer than the grace period.
public final class BundleStore: Sendable {
    public struct Retention: Sendable {
        /// How long a replaced bundle keeps answering its calls (default: 4 h, the longest
        /// call TeXML allows, `timeLimit` of `<Dial>` max 14,400 s).
        public var gracePeriod: Duration
        /// At most this many replaced bundles are kept (oldest dropped first), bounding memory.
        public var maxRetired: Int

        public init(gracePeriod: Duration = .seconds(4 * 3600), maxRetired: Int = 4) {
            self.gracePeriod = gracePeriod
            self.maxRetired = maxRetired
        }
    }

    private struct State {
        var current: ServedBundle
        var retired: [(bundle: ServedBundle, since: ContinuousClock.Instant)] = []
    }

    private let state: Mutex<State>
    private let retention: Retention

    public init(_ bundle: ServedBundle, retention: Retention = Retention()) {
        state = Mutex(State(current: bundle))
        self.retention = retention
    }

    public var current: ServedBundle { state.withLock { $0.current } }

    /// Makes `bundle` the one new calls start on; the previous one is retired.
    public func replace(with bundle: ServedBundle, at now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            guard state.current.id != bundle.id else { return }
            state.retired.removeAll { $0.bundle.id == bundle.id }
            state.retired.append((state.current, now))
            state.current = bundle
            if state.retired.count > retention.maxRetired { state.retired.removeFirst(state.retired.count - retention.maxRetired) }
        }
    }

    /// The bundle with this id, if it is current or retired less than the grace period ago.
    public func bundle(id: String, at now: ContinuousClock.Instant = .now) -> ServedBundle? {
        state.withLock { state in
            if state.current.id == id { return state.current }
            state.retired.removeAll { now - $0.since > retention.gracePeriod }
            return state.retired.first { $0.bundle.id == id }?.bundle
        }
    }
}
