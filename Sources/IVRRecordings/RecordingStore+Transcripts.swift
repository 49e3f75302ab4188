import Foundation

/// A recording's transcript: `transcripts/SID.sealed` (the sealed text) and `transcripts/SID.json`
/// (its metadata), named by the RecordingSid it transcribes, so it is found beside its recording
/// and may arrive before it. Sealed like the audio, but bound to `transcript/SID`, which no
/// recording id can spell, so a recording's object never opens as its transcript.
extension RecordingStore {
    static func transcriptBinding(_ recordingSid: String) -> String { "transcript/" + recordingSid }

    public func containsTranscript(_ recordingSid: String) -> Bool {
        RecordingIdentifier.isSafe(recordingSid) && FileManager.default.fileExists(atPath: transcriptMetadataPath(recordingSid))
    }

    /// The transcript metadata of a recording, or nil when none was received.
    public func transcriptMetadata(_ recordingSid: String) throws -> TranscriptMetadata? {
        guard RecordingIdentifier.isSafe(recordingSid), let data = FileManager.default.contents(atPath: transcriptMetadataPath(recordingSid)) else {
            return nil
        }
        do {
            return try RecordingMetadata.decoder.decode(TranscriptMetadata.self, from: data)
        } catch {
            throw Failure(description: "the transcript metadata of recording \(recordingSid) is not readable (transcripts/\(recordingSid).json was altered)")
        }
    }

    /// Seals and stores a transcript's text (object, then metadata, each durable before the
    /// next), or only its metadata when Telnyx reported no text.
    public func storeTranscript(_ text: String?, metadata: TranscriptMetadata, keys: RecordingKeyRing) throws {
        let sid = metadata.recordingSid
        if let text {
            let sealed = try SealedRecording.seal(Array(text.utf8), recordingSid: Self.transcriptBinding(sid), keys: keys)
            try DurableFile.save(sealed, to: transcriptObjectPath(sid))
        }
        try DurableFile.save(metadata.encoded(), to: transcriptMetadataPath(sid))
    }

    /// The text of a recording's transcript: opened with `keys` and checked against the
    /// SHA-256 its metadata recorded. Throws for a missing, failed, altered or foreign-keyed one.
    public func transcript(_ recordingSid: String, keys: RecordingKeyRing) throws -> String {
        guard let metadata = try transcriptMetadata(recordingSid) else {
            throw Failure(description: "recording \(recordingSid) has no transcript in \(directory)")
        }
        guard let expected = metadata.plaintextSHA256 else {
            throw Failure(description: "the transcript of recording \(recordingSid) has no text: Telnyx reported it \(metadata.status)")
        }
        guard let object = FileManager.default.contents(atPath: transcriptObjectPath(recordingSid)) else {
            throw Failure(description: "the transcript of recording \(recordingSid) has metadata but no object (transcripts/\(recordingSid).sealed is missing)")
        }
        let bytes = try SealedRecording.open(Array(object), recordingSid: Self.transcriptBinding(recordingSid), keys: keys)
        guard Self.sha256(bytes) == expected, let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(description: "the transcript of recording \(recordingSid) opens, but its text does not match the SHA-256 its metadata recorded")
        }
        return text
    }

    /// Every stored transcript's metadata, by recording id.
    public func allTranscripts() throws -> [String: TranscriptMetadata] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: transcripts)) ?? []
        var found: [String: TranscriptMetadata] = [:]
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let sid = String(name.dropLast(".json".count))
            if let metadata = try transcriptMetadata(sid) { found[sid] = metadata }
        }
        return found
    }

    /// Transcripts whose recording never arrived (or is gone) and whose own retain-until date is
    /// at or before `now`; a transcript with its recording is purged with it.
    public func dueTranscripts(at now: Date) throws -> [TranscriptMetadata] {
        try allTranscripts().values.filter { !contains($0.recordingSid) && $0.retainUntil <= now }
            .sorted { ($0.receivedAt, $0.recordingSid) < ($1.receivedAt, $1.recordingSid) }
    }

    /// Deletes a transcript: metadata first, like a recording.
    public func removeTranscript(_ recordingSid: String) throws {
        try DurableFile.remove(transcriptMetadataPath(recordingSid))
        try DurableFile.remove(transcriptObjectPath(recordingSid))
    }

    private func transcriptObjectPath(_ sid: String) -> String { transcripts + "/" + sid + ".sealed" }
    private func transcriptMetadataPath(_ sid: String) -> String { transcripts + "/" + sid + ".json" }
}
