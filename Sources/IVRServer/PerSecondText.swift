import Glibc
import Synchronization

/// A text that changes once a second (the `Date` header, the log time up to its second), made at
/// most once a second however many requests ask for it.
final class PerSecondText: Sendable {
    private let cache = Mutex<(second: Int, text: String)>((-1, ""))
    private let make: @Sendable (Int) -> String

    /// `make` formats the second that many seconds after the epoch.
    init(_ make: @escaping @Sendable (Int) -> String) {
        self.make = make
    }

    func text(at second: Int) -> String {
        cache.withLock { cached in
            if cached.second != second { cached = (second, make(second)) }
            return cached.text
        }
    }

    /// The wall clock now.
    static var now: timespec {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        return clock
    }
}
