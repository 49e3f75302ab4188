import Foundation

/// Receives one transcription callback: seals and stores the text (or, for a transcription
/// Telnyx reports not completed, only that status) beside its recording, audits the storing,
/// all before the caller answers 200. Idempotent by TranscriptionSid; a transcript that arrives
/// before its recording is stored all the same, kept as long as the flow keeps recordings.
extension RecordingReceiver {
    /// What became of a transcription callback, for the answer's status and the metrics.
    public enum TranscriptOutcome: Sendable, Equatable {
        case stored(bytes: Int)
        /// Telnyx reported no text (`failed`, …): the status is stored, and counted as a failure.
        case storedWithoutText(status: String)
        case alreadyStored
        /// The same recording's transcript is being received by another request right now; Telnyx retries.
        case inProgress
        /// Another transcription of the same recording already has text: it is kept, this one refused.
        case conflict
        case storageFailed(String)

        /// The metric label of a failure; nil for an outcome that is not one.
        public var failureReason: String? {
            switch self {
            case .storedWithoutText: "transcription-failed"
            case .inProgress: "in-progress"
            case .conflict: "conflict"
            case .storageFailed: "storage"
            case .stored, .alreadyStored: nil
            }
        }

        /// Every failure label, exported at 0 so an alert's `increase()` sees the first one.
        public static let failureReasons = ["transcription-failed", "in-progress", "conflict", "storage"]
    }

    public func receive(_ notification: TranscriptNotification, from origin: Origin, at now: @Sendable () -> Date = Date.init) -> TranscriptOutcome {
        let sid = notification.recordingSid
        let busy = RecordingStore.transcriptBinding(sid)
        guard receiving.withLock({ $0.insert(busy).inserted }) else { return .inProgress }
        defer { _ = receiving.withLock { $0.remove(busy) } }
        let text: String? = if case .completed(let text) = notification.status { text } else { nil }
        let status = switch notification.status {
        case .completed: "completed"
        case .other(let status): status
        }
        do {
            if let existing = try store.transcriptMetadata(sid) {
                if existing.transcriptionSid == notification.transcriptionSid { return .alreadyStored }
                // Only text replaces a transcript without any.
                guard !existing.hasText, text != nil else { return existing.hasText ? .conflict : .alreadyStored }
            }
            let receivedAt = now()
            // With its recording stored, the transcript is kept exactly as long; before it, by the flow's retention.
            let retainUntil = try store.contains(sid) ? store.metadata(sid).retainUntil : origin.retainUntil(receivedAt)
            let bytes = text.map { Array($0.utf8) }
            let metadata = TranscriptMetadata(
                transcriptionSid: notification.transcriptionSid, recordingSid: sid, callSid: notification.callSid,
                flow: origin.flow, step: origin.step, bundle: origin.bundle, status: status, receivedAt: receivedAt,
                retainUntil: retainUntil, keyID: bytes == nil ? nil : keys.currentID, plaintextSHA256: bytes.map(RecordingStore.sha256),
                plaintextBytes: bytes?.count)
            try store.storeTranscript(text, metadata: metadata, keys: keys)
            let what = bytes.map { "\($0.count) bytes" } ?? "no text (\(status))"
            try store.audit.append(AuditLog.Entry(at: receivedAt, user: OSUser.current, action: "transcript-stored", recording: sid,
                                                  detail: "transcript \(notification.transcriptionSid), flow \(origin.flow), step \(origin.step), \(what)"))
            return bytes.map { .stored(bytes: $0.count) } ?? .storedWithoutText(status: status)
        } catch {
            return .storageFailed("\(error)")
        }
    }
}
