import Foundation
import Synchronization

/// Whether the server is draining before it stops, since when, and how many webhook requests
/// it finished since: `/readyz` turns 503 the moment SIGTERM arrives, so a load balancer takes
/// the replica out of rotation while it still answers everything sent to it.
public final class Drain: Sendable {
    /// How long the webhook listener keeps answering after SIGTERM before it stops accepting.
    public let delay: Duration
    private let began = Mutex<Date?>(nil)
    private let finished = Atomic<Int>(0)

    public init(delay: Duration) {
        self.delay = delay
    }

    /// When draining began; nil while the server takes new calls.
    public var since: Date? { began.withLock { $0 } }

    /// Webhook requests answered since draining began.
    public var requestsFinished: Int { finished.load(ordering: .relaxed) }

    func begin(at moment: Date = Date()) {
        began.withLock { $0 = $0 ?? moment }
    }

    /// Called once per webhook response; counts only those answered while draining.
    func answered() {
        if since != nil { finished.add(1, ordering: .relaxed) }
    }
}
