import Foundation

/// Slots filled from `concurrentPerform` workers, each index written once.
/// The lock makes the writes safe to share; reads happen after every worker is done.
public final class ParallelResults<Element: Sendable>: @unchecked Sendable {
    private var slots: [Element?]
    private let lock = NSLock()

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    public func set(_ index: Int, _ value: Element) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// All values, in index order; every slot must have been set.
    public var values: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
