import Foundation
@testable import IVRRecordings
import RecordingTestSupport
import Testing

@Suite(.serialized) struct RecordingReceiverTests {
    static let received = Date(timeIntervalSince1970: 1_800_000_000)

    static func receiver(in directory: TemporaryDirectory, keys: RecordingKeyRing) throws -> RecordingReceiver {
        RecordingReceiver(store: try RecordingStore(directory: directory.path), keys: keys,
                          downloader: RecordingDownloaderTests.downloader())
    }

    static func notification(_ sid: String, url: String) -> RecordingNotification? {
        RecordingNotification(fields: ["RecordingSid": sid, "CallSid": "v3:call-1", "RecordingUrl": url,
                                       "RecordingStatus": "completed", "RecordingDuration": "4"])
    }

    static func origin(keptFor days: Int) -> RecordingReceiver.Origin {
        .init(flow: "patient_intake", step: "record_name", bundle: "b1") { $0.addingTimeInterval(Double(days) * 86_400) }
    }

    @Test func aCompletedRecordingIsStoredSealedOnceAndReadBackExactly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = try SealedRecordingTests.keys(1)
        let receiver = try Self.receiver(in: directory, keys: keys)
        let host = MediaHost()
        try await host.run { base in
            let notification = try #require(Self.notification("rec-1", url: base + "/recordings/ok.wav?token=secret"))
            #expect(await receiver.receive(notification, from: Self.origin(keptFor: 30)) { Self.received } == .stored(bytes: SpokenWAV.bytes.count))
            #expect(await receiver.receive(notification, from: Self.origin(keptFor: 30)) == .alreadyStored)
        }
        #expect(host.hits.value == 1)
        let store = receiver.store
        let objects = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/objects").sorted()
        #expect(objects == ["rec-1.json", "rec-1.sealed"])
        let sealed = try #require(FileManager.default.contents(atPath: directory.path + "/objects/rec-1.sealed"))
        #expect(Array(sealed) != SpokenWAV.bytes && !Array(sealed).starts(with: Array("RIFF".utf8)))
        let metadata = try store.metadata("rec-1")
        #expect(metadata == RecordingMetadata(
            recordingSid: "rec-1", callSid: "v3:call-1", flow: "patient_intake", step: "record_name", bundle: "b1",
            durationSeconds: 4, receivedAt: Self.received, retainUntil: Self.received.addingTimeInterval(30 * 86_400),
            keyID: keys.currentID, plaintextSHA256: RecordingStore.sha256(SpokenWAV.bytes), plaintextBytes: SpokenWAV.bytes.count))
        // Nothing about the URL's query string or the audio is written anywhere but the sealed object.
        let metadataText = String(decoding: try #require(FileManager.default.contents(atPath: directory.path + "/objects/rec-1.json")), as: UTF8.self)
        let auditText = try String(contentsOfFile: directory.path + "/audit.log", encoding: .utf8)
        #expect(!metadataText.contains("secret") && !auditText.contains("secret") && !auditText.contains("127.0.0.1"))
        #expect(try store.audit.entries().map(\.action) == ["stored"])

        let audio = try store.audio("rec-1", keys: keys)
        #expect(audio == SpokenWAV.bytes)
        let output = directory.path + "/out.wav"
        try Data(audio).write(to: URL(fileURLWithPath: output))
        #expect(Tool.soxi(output) == "8000 Hz, 1 channel(s)")
    }

    @Test func aFailedDownloadStoresNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try Self.receiver(in: directory, keys: try SealedRecordingTests.keys(1))
        try await MediaHost().run { base in
            let outcome = await receiver.receive(try #require(Self.notification("rec-1", url: base + "/recordings/missing.wav")), from: Self.origin(keptFor: 1))
            #expect(outcome == .downloadFailed(.notFound) && outcome.failureReason == "media-not-found")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/objects").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/audit.log"))
    }

    @Test func callbacksWithNothingToFetchOrUnsafeIdsAreNotRecordings() async throws {
        let inProgress = try #require(RecordingNotification(fields: ["RecordingSid": "rec-1", "CallSid": "c", "RecordingStatus": "in-progress"]))
        #expect(inProgress.status == .other("in-progress"))
        #expect(RecordingNotification(fields: ["RecordingSid": "../../etc/passwd", "CallSid": "c", "RecordingUrl": "https://x/y"]) == nil)
        #expect(RecordingNotification(fields: ["RecordingSid": ".hidden", "CallSid": "c", "RecordingUrl": "https://x/y"]) == nil)
        #expect(RecordingNotification(fields: ["RecordingSid": "rec-1", "CallSid": "c", "RecordingStatus": "completed"]) == nil)
        #expect(RecordingNotification(fields: ["RecordingSid": "rec-1", "RecordingUrl": "https://x/y"]) == nil)
    }

    @Test func storedObjectsThatWereAlteredAreRefusedOnRead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = try SealedRecordingTests.keys(1)
        let receiver = try Self.receiver(in: directory, keys: keys)
        try await MediaHost().run { base in
            for sid in ["rec-1", "rec-2"] {
                _ = await receiver.receive(try #require(Self.notification(sid, url: base + "/recordings/ok.wav")), from: Self.origin(keptFor: 1))
            }
        }
        let objects = directory.path + "/objects/"
        // rec-2's object under rec-1's name: it opens under neither.
        try FileManager.default.removeItem(atPath: objects + "rec-1.sealed")
        try FileManager.default.copyItem(atPath: objects + "rec-2.sealed", toPath: objects + "rec-1.sealed")
        #expect(throws: SealedRecording.Refusal.tampered) { try receiver.store.audio("rec-1", keys: keys) }
        // The metadata's hash no longer matches the audio.
        var metadata = try receiver.store.metadata("rec-2")
        metadata.plaintextSHA256 = String(repeating: "0", count: 64)
        try Data(metadata.encoded()).write(to: URL(fileURLWithPath: objects + "rec-2.json"))
        #expect(throws: RecordingStore.Failure.self) { try receiver.store.audio("rec-2", keys: keys) }
    }

    @Test func purgeSelectsExactlyWhatIsDue() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try Self.receiver(in: directory, keys: try SealedRecordingTests.keys(1))
        try await MediaHost().run { base in
            for (sid, days) in [("short", 1), ("exact", 10), ("long", 400)] {
                let outcome = await receiver.receive(try #require(Self.notification(sid, url: base + "/recordings/ok.wav")),
                                                     from: Self.origin(keptFor: days)) { Self.received }
                #expect(outcome == .stored(bytes: SpokenWAV.bytes.count))
            }
        }
        let store = receiver.store
        let due = try store.due(at: Self.received.addingTimeInterval(10 * 86_400))
        #expect(due.map(\.recordingSid).sorted() == ["exact", "short"])
        for recording in due { try store.remove(recording.recordingSid) }
        #expect(try store.all().map(\.recordingSid) == ["long"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/objects").sorted() == ["long.json", "long.sealed"])
    }
}
