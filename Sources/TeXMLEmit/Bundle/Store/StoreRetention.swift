import Foundation

/// Which retired builds a store keeps: every build retired less than `keepFor` ago (the
/// servers' grace period: calls may still be on it), at most `keepCount` of them; the current
/// build is always kept.
public struct StoreRetention: Sendable {
    public var keepFor: TimeInterval
    public var keepCount: Int

    /// 4 h, `ivrc serve`'s default grace period (TeXML's longest call); 20 builds.
    public init(keepFor: TimeInterval = 4 * 3600, keepCount: Int = 20) {
        self.keepFor = keepFor
        self.keepCount = keepCount
    }
}
