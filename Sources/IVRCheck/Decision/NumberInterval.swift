import IVRBundle

/// The numbers a numeric branch condition takes, so the resolver can tell a branch that
/// earlier ones already cover (`from 10 to 20` after `below 15` and `above 12`).
struct NumberInterval {
    let low: Double
    let lowIncluded: Bool
    let high: Double
    let highIncluded: Bool

    init?(_ condition: ValueCondition) {
        switch condition {
        case .above(let bound):
            low = bound
            lowIncluded = false
            high = .infinity
            highIncluded = false
        case .below(let bound):
            low = -.infinity
            lowIncluded = false
            high = bound
            highIncluded = false
        case .between(let from, let to):
            low = from
            lowIncluded = true
            high = to
            highIncluded = true
        case .oneOf, .empty, .other:
            return nil
        }
    }

    /// Whether every number of this interval is in one of `earlier`: walks from the low end,
    /// each step jumping to the furthest end of an earlier interval that holds the point reached.
    func isCovered(by earlier: [NumberInterval]) -> Bool {
        var point = low
        var pointIncluded = lowIncluded
        while true {
            let holding = earlier.filter { $0.holds(point, included: pointIncluded) }
            guard let furthest = holding.max(by: { ($0.high, $0.highIncluded ? 1 : 0) < ($1.high, $1.highIncluded ? 1 : 0) }) else {
                return false
            }
            if furthest.high > high || (furthest.high == high && (furthest.highIncluded || !highIncluded)) { return true }
            guard furthest.high > point || (furthest.high == point && pointIncluded && furthest.highIncluded) else { return false }
            // Covered up to `furthest.high`; what is left starts just past it, or at it when it was left out.
            point = furthest.high
            pointIncluded = !furthest.highIncluded
        }
    }

    /// Whether this interval holds `point` (when `included`) or the numbers just above it.
    private func holds(_ point: Double, included: Bool) -> Bool {
        let startsInTime = low < point || (low == point && (lowIncluded || !included))
        let reaches = high > point || (high == point && highIncluded && included)
        return startsInTime && reaches
    }
}
