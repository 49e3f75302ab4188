import Foundation
import Synchronization

/// Log lines written to a file descriptor by a thread of their own, through a bounded buffer:
/// a request never waits on the log. When whoever reads standard output falls behind (a stalled
/// pipe, a slow shipper), lines beyond `capacity` bytes are dropped whole and counted, never
/// written in part, and the server keeps answering.
public final class LogWriter: Sendable {
    /// 4 MiB: about 13,000 request lines, several seconds of the heaviest load measured.
    public static let defaultCapacity = 4 * 1024 * 1024

    private struct State {
        var pending: [UInt8] = []
        /// Lines taken by the writer thread and not yet written.
        var writing = false
        /// The writer thread sleeps until signalled: one wake-up per batch, not per line.
        var asleep = false
    }

    public let capacity: Int
    private let descriptor: Int32
    private let state = Mutex(State())
    private let dropped = Atomic<Int>(0)
    private let wake = DispatchSemaphore(value: 0)
    private let onDrop: @Sendable () -> Void

    /// `onDrop` runs once per dropped line (a metric), on the thread that logged it.
    public init(descriptor: Int32 = STDOUT_FILENO, capacity: Int = LogWriter.defaultCapacity,
                onDrop: @escaping @Sendable () -> Void = {}) {
        self.descriptor = descriptor
        self.capacity = capacity
        self.onDrop = onDrop
        let thread = Thread { [self] in drain() }
        thread.name = "ivrc-log-writer"
        thread.start()
    }

    /// Lines dropped because the buffer was full.
    public var droppedLines: Int { dropped.load(ordering: .relaxed) }

    /// Queues one whole line, or drops it if the buffer holds `capacity` bytes already.
    public func write(_ line: [UInt8]) {
        let (queued, wakeWriter) = state.withLock { state in
            guard state.pending.count + line.count <= capacity else { return (false, false) }
            state.pending += line
            defer { state.asleep = false }
            return (true, state.asleep)
        }
        if wakeWriter { wake.signal() }
        if !queued {
            dropped.add(1, ordering: .relaxed)
            onDrop()
        }
    }

    /// Waits until every queued line is written or `timeout` passes (a reader that never comes
    /// back must not keep the process from exiting).
    public func flush(timeout: Duration = .seconds(2)) {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if state.withLock({ $0.pending.isEmpty && !$0.writing }) { return }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    /// Takes everything queued and writes it in one call, then naps briefly; sleeps until
    /// signalled only when nothing is queued.
    private func drain() {
        while true {
            let batch = state.withLock { state -> [UInt8] in
                let batch = state.pending
                state.pending = []
                state.writing = !batch.isEmpty
                state.asleep = batch.isEmpty
                return batch
            }
            if batch.isEmpty {
                wake.wait()
                continue
            }
            writeAll(batch)
            state.withLock { $0.writing = false }
            // Lines keep coming under load: gathered for a moment, they cost one wake-up and one
            // write per batch instead of one per request.
            Thread.sleep(forTimeInterval: Self.batchInterval)
        }
    }

    /// How long the writer lets lines gather after writing a batch: far below what a reader of
    /// the log notices, far above a request's time.
    static let batchInterval: TimeInterval = 0.01

    /// Blocks this thread, never a request's, until the lines are written; a closed reader
    /// ends the writing (EPIPE is ignored: SIGPIPE is off in a NIO process).
    private func writeAll(_ lines: [UInt8]) {
        lines.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}
