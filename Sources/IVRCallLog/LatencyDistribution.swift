/// Every latency seen, counted per microsecond value: exact percentiles in memory bounded by
/// the distinct values (a few thousand), never by the number of requests.
struct LatencyDistribution {
    private var counts: [Int32: Int] = [:]
    private(set) var total = 0

    mutating func add(microseconds: Int32) {
        counts[microseconds, default: 0] += 1
        total += 1
    }

    mutating func merge(_ other: LatencyDistribution) {
        counts.merge(other.counts, uniquingKeysWith: +)
        total += other.total
    }

    /// The nearest-rank percentile in milliseconds (`quantile` 0.95 → p95); nil without latencies.
    func milliseconds(at quantile: Double) -> Double? {
        guard total > 0 else { return nil }
        let rank = max(1, Int((quantile * Double(total)).rounded(.up)))
        var seen = 0
        for value in counts.keys.sorted() {
            seen += counts[value] ?? 0
            if seen >= rank { return Double(value) / 1000 }
        }
        return nil
    }
}
