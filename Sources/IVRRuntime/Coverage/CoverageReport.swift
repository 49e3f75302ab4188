/// Coverage of every flow `ivrc test --coverage` ran, and the totals its threshold reads.
public struct CoverageReport: Sendable {
    public let flows: [FlowCoverage]

    public init(flows: [FlowCoverage]) {
        self.flows = flows
    }

    /// Reached and offered items of a kind, over every flow.
    public func count(_ kind: CoverageItem.Kind) -> CoverageCount {
        flows.reduce(CoverageCount()) { $0 + $1.count(kind) }
    }
}

/// `covered` of `total`, with the percentage the reports print and `--min-coverage` compares.
public struct CoverageCount: Sendable, Equatable, Codable {
    public var covered = 0
    public var total = 0

    public init(covered: Int = 0, total: Int = 0) {
        self.covered = covered
        self.total = total
    }

    static func + (left: CoverageCount, right: CoverageCount) -> CoverageCount {
        CoverageCount(covered: left.covered + right.covered, total: left.total + right.total)
    }

    /// Tenths of a percent, rounded down (nothing to cover counts as all covered), so the
    /// printed figure never claims more than was reached and prints the same everywhere.
    public var permille: Int { total == 0 ? 1000 : covered * 1000 / total }

    /// `3/4 (75.0%)`.
    public var description: String { "\(covered)/\(total) (\(permille / 10).\(permille % 10)%)" }

    /// True when at least `percent` % is covered.
    public func meets(_ percent: Int) -> Bool { covered * 100 >= percent * total }
}

extension FlowCoverage {
    public func count(_ kind: CoverageItem.Kind) -> CoverageCount {
        let items = items(kind)
        return CoverageCount(covered: items.count { $0.hits > 0 }, total: items.count)
    }
}
