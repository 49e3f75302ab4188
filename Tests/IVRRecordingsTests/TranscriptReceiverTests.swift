import Foundation
@testable import IVRRecordings
import RecordingTestSupport
import Testing

/// Transcription callbacks: sealed beside their recording, idempotent by TranscriptionSid,
/// kept when they arrive first, and refused on read when anything was altered.
@Suite(.serialized) struct TranscriptReceiverTests {
    static let received = RecordingReceiverTests.received
    static let text = "My name is Ada Lovelace, born the tenth of December."

    static func notification(_ sid: String, recording: String = "rec-1", status: String = "completed", text: String? = Self.text) -> TranscriptNotification? {
        var fields = ["TranscriptionSid": sid, "RecordingSid": recording, "CallSid": "v3:call-1", "TranscriptionStatus": status,
                      "RecordingUrl": "https://media.example.com/rec.wav?token=secret"]
        fields["TranscriptionText"] = text
        return TranscriptNotification(fields: fields)
    }

    static func origin(keptFor days: Int) -> RecordingReceiver.Origin { RecordingReceiverTests.origin(keptFor: days) }

    static func transcriptFiles(_ directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path + "/transcripts").sorted()
    }

    /// A receiver in `directory` that has stored recording `rec-1`, received at `received` and kept 30 days.
    static func receiverWithRecording(in directory: TemporaryDirectory, keys: RecordingKeyRing) async throws -> RecordingReceiver {
        let receiver = try RecordingReceiverTests.receiver(in: directory, keys: keys)
        try await MediaHost().run { base in
            let recording = try #require(RecordingReceiverTests.notification("rec-1", url: base + "/recordings/ok.wav"))
            #expect(await receiver.receive(recording, from: Self.origin(keptFor: 30)) { Self.received } == .stored(bytes: SpokenWAV.bytes.count))
        }
        return receiver
    }

    @Test func aTranscriptIsStoredSealedBesideItsRecordingOnceAndKeptAsLongAsIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = try SealedRecordingTests.keys(1)
        let receiver = try await Self.receiverWithRecording(in: directory, keys: keys)
        let later = Self.received.addingTimeInterval(60)
        let notification = try #require(Self.notification("tr-1"))
        #expect(receiver.receive(notification, from: Self.origin(keptFor: 5)) { later } == .stored(bytes: Self.text.utf8.count))
        #expect(receiver.receive(notification, from: Self.origin(keptFor: 5)) { later } == .alreadyStored)
        #expect(try Self.transcriptFiles(directory) == ["rec-1.json", "rec-1.sealed"])
        let store = receiver.store
        #expect(try store.transcriptMetadata("rec-1") == TranscriptMetadata(
            transcriptionSid: "tr-1", recordingSid: "rec-1", callSid: "v3:call-1", flow: "patient_intake", step: "record_name", bundle: "b1",
            status: "completed", receivedAt: later, retainUntil: try store.metadata("rec-1").retainUntil, keyID: keys.currentID,
            plaintextSHA256: RecordingStore.sha256(Array(Self.text.utf8)), plaintextBytes: Self.text.utf8.count))
        // The text is in no file but the sealed object, and the URL in none at all.
        for name in ["transcripts/rec-1.json", "transcripts/rec-1.sealed", "audit.log"] {
            let written = String(decoding: try #require(FileManager.default.contents(atPath: directory.path + "/" + name)), as: UTF8.self)
            #expect(!written.contains("Lovelace") && !written.contains("secret"), "\(name)")
        }
        #expect(try store.audit.entries().map(\.action) == ["stored", "transcript-stored"])
        #expect(try store.transcript("rec-1", keys: keys) == Self.text)
        #expect(try store.due(at: later.addingTimeInterval(30 * 86_400)).count == 1)
        #expect(try store.dueTranscripts(at: later.addingTimeInterval(400 * 86_400)).isEmpty, "it goes with its recording")
    }

    @Test func aTranscriptBeforeItsRecordingIsKeptByTheFlowsRetention() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = try SealedRecordingTests.keys(1)
        let receiver = try RecordingReceiverTests.receiver(in: directory, keys: keys)
        let notification = try #require(Self.notification("tr-1", recording: "rec-later"))
        #expect(receiver.receive(notification, from: Self.origin(keptFor: 10)) { Self.received } == .stored(bytes: Self.text.utf8.count))
        let metadata = try #require(try receiver.store.transcriptMetadata("rec-later"))
        #expect(metadata.retainUntil == Self.received.addingTimeInterval(10 * 86_400))
        #expect(try receiver.store.all().isEmpty && receiver.store.transcript("rec-later", keys: keys) == Self.text)
        #expect(try receiver.store.dueTranscripts(at: Self.received.addingTimeInterval(9 * 86_400)).isEmpty)
        #expect(try receiver.store.dueTranscripts(at: metadata.retainUntil).map(\.recordingSid) == ["rec-later"])
        try receiver.store.removeTranscript("rec-later")
        #expect(try Self.transcriptFiles(directory).isEmpty)
    }

    @Test func aFailedTranscriptionIsRecordedWithoutTextAndTextReplacesIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = try SealedRecordingTests.keys(1)
        let receiver = try RecordingReceiverTests.receiver(in: directory, keys: keys)
        let failed = try #require(Self.notification("tr-1", status: "failed", text: nil))
        let outcome = receiver.receive(failed, from: Self.origin(keptFor: 1))
        #expect(outcome == .storedWithoutText(status: "failed") && outcome.failureReason == "transcription-failed")
        #expect(try Self.transcriptFiles(directory) == ["rec-1.json"])
        let metadata = try #require(try receiver.store.transcriptMetadata("rec-1"))
        #expect(metadata.status == "failed" && !metadata.hasText && metadata.keyID == nil)
        #expect(throws: RecordingStore.Failure.self) { try receiver.store.transcript("rec-1", keys: keys) }
        // A second failure keeps the first; a later transcription with text replaces it; another one with text is a conflict.
        #expect(receiver.receive(try #require(Self.notification("tr-2", status: "failed", text: nil)), from: Self.origin(keptFor: 1)) == .alreadyStored)
        #expect(receiver.receive(try #require(Self.notification("tr-3")), from: Self.origin(keptFor: 1)) == .stored(bytes: Self.text.utf8.count))
        let conflict = receiver.receive(try #require(Self.notification("tr-4", text: "Someone else.")), from: Self.origin(keptFor: 1))
        #expect(conflict == .conflict && conflict.failureReason == "conflict")
        #expect(try receiver.store.transcript("rec-1", keys: keys) == Self.text)
        #expect(try receiver.store.transcriptMetadata("rec-1")?.transcriptionSid == "tr-3")
    }

    @Test func alteredTranscriptsAreRefusedOnRead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = try SealedRecordingTests.keys(1)
        let receiver = try await Self.receiverWithRecording(in: directory, keys: keys)
        for recording in ["rec-1", "rec-2"] {
            _ = receiver.receive(try #require(Self.notification("tr-\(recording)", recording: recording)), from: Self.origin(keptFor: 1))
        }
        let store = receiver.store
        let transcripts = directory.path + "/transcripts/"
        let sealed = try #require(FileManager.default.contents(atPath: transcripts + "rec-1.sealed"))
        var flipped = Array(sealed)
        flipped[flipped.count - 20] ^= 0x01
        try Data(flipped).write(to: URL(fileURLWithPath: transcripts + "rec-1.sealed"))
        #expect(throws: SealedRecording.Refusal.tampered) { try store.transcript("rec-1", keys: keys) }
        // The recording's own object under the transcript's name: bound to another identity, it does not open.
        try FileManager.default.removeItem(atPath: transcripts + "rec-1.sealed")
        try FileManager.default.copyItem(atPath: directory.path + "/objects/rec-1.sealed", toPath: transcripts + "rec-1.sealed")
        #expect(throws: SealedRecording.Refusal.tampered) { try store.transcript("rec-1", keys: keys) }
        // Another recording's transcript moved over it.
        try FileManager.default.removeItem(atPath: transcripts + "rec-1.sealed")
        try FileManager.default.copyItem(atPath: transcripts + "rec-2.sealed", toPath: transcripts + "rec-1.sealed")
        #expect(throws: SealedRecording.Refusal.tampered) { try store.transcript("rec-1", keys: keys) }
        // The metadata's hash no longer matches the text.
        var metadata = try #require(try store.transcriptMetadata("rec-2"))
        metadata.plaintextSHA256 = String(repeating: "0", count: 64)
        try Data(metadata.encoded()).write(to: URL(fileURLWithPath: transcripts + "rec-2.json"))
        #expect(throws: RecordingStore.Failure.self) { try store.transcript("rec-2", keys: keys) }
        #expect(throws: SealedRecording.Refusal.unknownKey(keys.currentID)) {
            try store.transcript("rec-1", keys: try SealedRecordingTests.keys(2))
        }
    }

    @Test func callbacksWithoutWhatTheReceiverNeedsAreNotTranscripts() throws {
        #expect(Self.notification("../../etc/passwd") == nil)
        #expect(Self.notification("tr-1", recording: ".hidden") == nil)
        #expect(Self.notification("tr-1", text: nil) == nil, "completed without text")
        #expect(TranscriptNotification(fields: ["TranscriptionSid": "tr-1", "RecordingSid": "rec-1", "TranscriptionText": "x"]) == nil, "no CallSid")
        let odd = try #require(Self.notification("tr-1", status: "<script>", text: nil))
        #expect(odd.status == .other("failed"))
        let empty = try #require(Self.notification("tr-1", text: ""))
        #expect(empty.status == .completed(text: ""))
    }
}
