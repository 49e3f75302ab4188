import Prometheus
import Synchronization

/// The registry's counters and duration histograms by name and label values, each looked up in
/// the registry once: `makeCounter` checks the name, every label and the help text and compares
/// the help with the family's on every call, more work than the rest of a request's metrics.
/// Only for metrics never unregistered (a cached handle would outlive its series).
final class MetricHandles: Sendable {
    /// A metric's name and its label values; one name always comes with the same label names.
    private struct Key: Hashable {
        let name: String
        let values: [String]
    }

    let registry: PrometheusCollectorRegistry
    private let counters = Mutex<[Key: Counter]>([:])
    private let histograms = Mutex<[Key: DurationHistogram]>([:])

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func counter(_ name: String, _ labels: [(String, String)], help: String) -> Counter {
        let key = Key(name: name, values: labels.map(\.1))
        if let counter = counters.withLock({ $0[key] }) { return counter }
        // Two threads missing at once get the same counter: the registry keeps one per label set.
        let counter = registry.makeCounter(name: name, labels: labels, help: help)
        counters.withLock { $0[key] = counter }
        return counter
    }

    /// Keyed by `descriptor.metricName` (its full `name` is built anew on each read).
    func durationHistogram(_ descriptor: MetricNameDescriptor, _ labels: [(String, String)], buckets: [Duration]) -> DurationHistogram {
        let key = Key(name: descriptor.metricName, values: labels.map(\.1))
        if let histogram = histograms.withLock({ $0[key] }) { return histogram }
        let histogram = registry.makeDurationHistogram(descriptor: descriptor, labels: labels, buckets: buckets)
        histograms.withLock { $0[key] = histogram }
        return histogram
    }
}
