extension CallReport.Figures {
    /// Adds a day's counts (percentiles are filled from the merged latencies instead).
    mutating func add(_ day: CallReport.Figures) {
        calls += day.calls
        reachedPerson += day.reachedPerson
        emergencyCalls += day.emergencyCalls
        emergencyReached += day.emergencyReached
        lookups += day.lookups
        lookupFailures += day.lookupFailures
        requests += day.requests
        errors += day.errors
    }

    mutating func fillPercentiles(from latencies: LatencyDistribution) {
        p50Ms = latencies.milliseconds(at: 0.50)
        p95Ms = latencies.milliseconds(at: 0.95)
        p99Ms = latencies.milliseconds(at: 0.99)
    }
}
