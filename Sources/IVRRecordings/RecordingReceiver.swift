import Foundation
import Synchronization

/// Receives one recording status callback: fetches the audio, seals it, stores it with its
/// metadata and audits the storing, all before the caller answers 200. Idempotent by
/// RecordingSid: a recording already stored is acknowledged without fetching it again.
public final class RecordingReceiver: Sendable {
    /// What became of a callback, for the answer's status and the metrics.
    public enum Outcome: Sendable, Equatable {
        case stored(bytes: Int)
        case alreadyStored
        /// A status with nothing to fetch (`in-progress`, `absent`).
        case nothingToFetch
        /// The same recording is being received by another request right now; Telnyx retries.
        case inProgress
        case downloadFailed(RecordingDownloader.Failure)
        case storageFailed(String)

        /// The metric label of a failure; nil for an outcome that is not one.
        public var failureReason: String? {
            switch self {
            case .downloadFailed(let failure): failure.rawValue
            case .storageFailed: "storage"
            case .inProgress: "in-progress"
            case .stored, .alreadyStored, .nothingToFetch: nil
            }
        }
    }

    /// Where a recording belongs, from the receiver's URL and the bundle it names.
    public struct Origin: Sendable {
        public let flow: String
        public let step: String
        public let bundle: String
        public let retainUntil: @Sendable (Date) -> Date

        public init(flow: String, step: String, bundle: String, retainUntil: @escaping @Sendable (Date) -> Date) {
            self.flow = flow
            self.step = step
            self.bundle = bundle
            self.retainUntil = retainUntil
        }
    }

    public let store: RecordingStore
    let keys: RecordingKeyRing
    private let downloader: RecordingDownloader
    /// The recordings (by RecordingSid) and transcripts (by their store binding) being received now.
    let receiving = Mutex<Set<String>>([])

    public init(store: RecordingStore, keys: RecordingKeyRing, downloader: RecordingDownloader) {
        self.store = store
        self.keys = keys
        self.downloader = downloader
    }

    public func receive(_ notification: RecordingNotification, from origin: Origin, at now: @Sendable () -> Date = Date.init) async -> Outcome {
        guard case .completed(let url) = notification.status else { return .nothingToFetch }
        let sid = notification.recordingSid
        if store.contains(sid) { return .alreadyStored }
        guard receiving.withLock({ $0.insert(sid).inserted }) else { return .inProgress }
        defer { _ = receiving.withLock { $0.remove(sid) } }
        let audio: [UInt8]
        do {
            audio = try await downloader.fetch(url)
        } catch {
            return .downloadFailed(error)
        }
        let receivedAt = now()
        let metadata = RecordingMetadata(
            recordingSid: sid, callSid: notification.callSid, flow: origin.flow, step: origin.step, bundle: origin.bundle,
            durationSeconds: notification.durationSeconds, receivedAt: receivedAt, retainUntil: origin.retainUntil(receivedAt),
            keyID: keys.currentID, plaintextSHA256: RecordingStore.sha256(audio), plaintextBytes: audio.count)
        do {
            try store.store(audio, metadata: metadata, keys: keys)
            try store.audit.append(AuditLog.Entry(at: receivedAt, user: OSUser.current, action: "stored", recording: sid,
                                                  detail: "flow \(origin.flow), step \(origin.step), \(audio.count) bytes"))
        } catch {
            return .storageFailed("\(error)")
        }
        return .stored(bytes: audio.count)
    }
}
