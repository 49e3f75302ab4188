import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A transcribed `record` under `recording-status-callback serve`, end to end through the built
/// binary: the served document names the transcript receiver, `ivrc serve` seals Telnyx's signed
/// transcription callback (here before its recording arrives), and `ivrc recordings` is the only
/// way back to the text.
@Suite(.serialized) struct TranscriptServeTests {
    static let flow = RecordingServeTests.flow.replacingOccurrences(of: "record beep max=120s", with: "record beep max=120s transcription=true")
    /// What the caller said: in no log line, metadata file or audit line.
    static let text = "My name is Ada Lovelace, born the tenth of December."

    static func callback(_ sid: String) -> [(String, String)] {
        [("AccountSid", "acct-1"), ("CallSid", "v3:call-1"), ("CallSidLegacy", "v3:call-1"), ("CallStatus", "in-progress"),
         ("From", RecordingServeTests.caller), ("To", RecordingServeTests.number), ("RecordingSid", "rec-1"),
         ("RecordingUrl", "https://media.example.com/rec-1.wav?X-Amz-Signature=very-secret"), ("TranscriptionSid", sid),
         ("TranscriptionStatus", "completed"), ("TranscriptionText", text)]
    }

    @Test func aSignedTranscriptionCallbackEndsWithOneSealedTranscriptReadableOnlyThroughRecordingsGet() async throws {
        let setup = try RecordingServeTests.Setup(flow: Self.flow)
        defer { setup.remove() }
        let server = try setup.serve()
        let receiver = try await RecordingServeTests.receiverPath(on: server, attribute: "transcriptionCallback", under: "/texml/transcriptions/")
        #expect(try await server.post(receiver, Self.callback("tr-1")).status == .ok)
        // Telnyx's retry of a stored transcript is acknowledged once more, not stored twice.
        #expect(try await server.post(receiver, Self.callback("tr-1")).status == .ok)
        let unsigned = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            try await client.post(receiver, body: ByteBuffer(string: ServerFixture.form(Self.callback("tr-2"))))
        }
        #expect(unsigned.status == .forbidden)
        let metrics = String(buffer: try await server.operations("/metrics").body ?? ByteBuffer())
        let lines = metrics.split(separator: "\n")
        for family in ["ivrc_transcripts_received_total", "ivrc_transcripts_stored_total", "ivrc_transcripts_failed_total"] {
            #expect(lines.contains { $0.hasPrefix("# HELP \(family) ") }, "\(family)")
        }
        #expect(lines.contains(#"ivrc_transcripts_received_total{flow="voicemail"} 2"#))
        #expect(lines.contains(#"ivrc_transcripts_stored_total{flow="voicemail"} 1"#))
        #expect(lines.contains(#"ivrc_transcripts_failed_total{flow="voicemail",reason="storage"} 0"#))
        let promtool = try DeploymentFilesTests.promtoolCheckMetrics(metrics)
        #expect(promtool.status == 0, "\(promtool.output)")
        #expect(server.terminate() == 0)
        #expect(server.log.contains(#""kind":"transcription""#))
        #expect(!server.log.contains("Lovelace") && !server.log.contains("very-secret") && !server.log.contains("media.example.com"))

        // The transcript arrived before its recording: stored all the same, sealed.
        #expect(setup.objects().isEmpty)
        let transcripts = setup.recordings + "/transcripts/"
        #expect(try FileManager.default.contentsOfDirectory(atPath: transcripts).sorted() == ["rec-1.json", "rec-1.sealed"])
        let sealed = try #require(FileManager.default.contents(atPath: transcripts + "rec-1.sealed"))
        #expect(!String(decoding: sealed, as: UTF8.self).contains("Lovelace"))
        let metadata = String(decoding: try #require(FileManager.default.contents(atPath: transcripts + "rec-1.json")), as: UTF8.self)
        #expect(metadata.contains(#""transcription_sid":"tr-1""#) && metadata.contains(#""step":"welcome""#) && !metadata.contains("Lovelace"))
        #expect(RecordingServeTests.field("status", in: metadata) == "completed")

        let list = try ServeProcess.run(["recordings", "list", setup.recordings])
        #expect(list.status == 0 && list.output.hasPrefix("rec-1  voicemail  welcome  v3:call-1  no recording")
                && list.output.contains("transcript \(Self.text.utf8.count)B"), "\(list.output)")
        let output = setup.directory.appendingPathComponent("transcript.txt").path
        let get = try ServeProcess.run(["recordings", "get", setup.recordings, "rec-1", "--transcript", "-o", output, "--key-file", setup.key])
        #expect(get.status == 0, "\(get.output)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == Self.text)

        var flipped = Array(sealed)
        flipped[flipped.count - 20] ^= 0x01
        try Data(flipped).write(to: URL(fileURLWithPath: transcripts + "rec-1.sealed"))
        let tampered = try ServeProcess.run(["recordings", "get", setup.recordings, "rec-1", "--transcript", "-o", output + ".2", "--key-file", setup.key])
        #expect(tampered.status == 1 && tampered.output.contains("transcript rec-1 refused"), "\(tampered.output)")
        #expect(!FileManager.default.fileExists(atPath: output + ".2"))

        // Past its date (edited here), with no recording: purge deletes it, audited.
        let metadataPath = transcripts + "rec-1.json"
        let due = metadata.replacingOccurrences(of: RecordingServeTests.field("retain_until", in: metadata), with: "2001-01-01T00:00:00Z")
        try due.write(toFile: metadataPath, atomically: true, encoding: .utf8)
        let purge = try ServeProcess.run(["recordings", "purge", setup.recordings, "--yes"])
        #expect(purge.status == 0 && purge.output.contains("0 recording(s) and 1 transcript(s) without a recording deleted"), "\(purge.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: transcripts).isEmpty)
        let verify = try ServeProcess.run(["recordings", "verify", setup.recordings])
        #expect(verify.status == 0, "\(verify.output)")
        let audit = try String(contentsOfFile: setup.recordings + "/audit.log", encoding: .utf8)
        let actions = audit.split(separator: "\n").map { RecordingServeTests.field("action", in: String($0)) }
        #expect(actions == ["transcript-stored", "listed", "transcript-read", "transcript-read", "transcript-purged", "verified"])
        #expect(!audit.contains("Lovelace") && !audit.contains(RecordingServeTests.caller))
    }
}
