import Synchronization

/// The status callbacks this replica has taken, per CallSid: the highest `SequenceNumber` seen
/// and whether the call has ended. Telnyx may send a callback twice or out of order; one whose
/// sequence is not above the highest seen, or that comes after the call ended, is turned away,
/// so a call ends once in the metrics. Bounded: past `capacity` calls the oldest call first
/// seen is forgotten (a repeat of its callbacks would then count again). Per replica only:
/// a repeat delivered to another replica counts there too.
final class CallStatusWindow: Sendable {
    private struct Seen {
        var highestSequence: Int
        var ended: Bool
    }

    private struct State {
        var calls: [String: Seen] = [:]
        /// CallSids in the order first seen, a ring once `capacity` is reached.
        var order: [String] = []
        var oldest = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    /// Calls remembered by default: hours of a busy line's calls, a few MB at most.
    static let defaultCapacity = 20_000

    init(capacity: Int = CallStatusWindow.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// Whether `callback` is new (and now remembered): false for a repeat, an older sequence
    /// number, or anything after the call's end.
    func admit(_ callback: CallStatusCallback) -> Bool {
        state.withLock { state in
            if let seen = state.calls[callback.callSid] {
                guard !seen.ended, callback.sequenceNumber > seen.highestSequence else { return false }
                state.calls[callback.callSid] = Seen(highestSequence: callback.sequenceNumber, ended: callback.status.endsCall)
                return true
            }
            if state.order.count < capacity {
                state.order.append(callback.callSid)
            } else {
                state.calls[state.order[state.oldest]] = nil
                state.order[state.oldest] = callback.callSid
                state.oldest = (state.oldest + 1) % capacity
            }
            state.calls[callback.callSid] = Seen(highestSequence: callback.sequenceNumber, ended: callback.status.endsCall)
            return true
        }
    }

    /// Calls remembered now (at most `capacity`).
    var count: Int { state.withLock { $0.calls.count } }
}
