import Foundation
import Hummingbird
import HummingbirdTesting
import RecordingTestSupport
import Testing

/// `recording-status-callback serve` end to end through the built binary: a flow built with
/// it, `ivrc serve` receiving Telnyx's signed callback, a loopback media host serving a real
/// WAV, and `ivrc recordings` the only way back to the audio.
@Suite(.serialized) struct RecordingServeTests {
    static let number = "+18005550100"
    static let flow = """
        flow voicemail
          number +1-800-555-0100
          industry general
          recording-status-callback serve
          retention 7y

          step welcome
            disclose "This call is recorded."
            say "Please leave your name and date of birth after the beep."
            record beep max=120s -> goodbye

          step goodbye
            say "Thank you."
            hangup

        """

    /// A built bundle of the voicemail flow and a recordings key, in a fresh directory.
    struct Setup {
        let directory: URL
        var bundle: URL { directory.appendingPathComponent("bundle") }
        var recordings: String { directory.appendingPathComponent("recordings").path }
        var key: String { directory.appendingPathComponent("recordings.key").path }

        init(flow: String = RecordingServeTests.flow) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-recordings-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let source = directory.appendingPathComponent("voicemail.ivr")
            try flow.write(to: source, atomically: true, encoding: .utf8)
            let build = try ServeProcess.run(["build", source.path, "-o", bundle.path])
            #expect(build.status == 0, "\(build.output)")
            try Self.newKey().write(toFile: key, atomically: true, encoding: .utf8)
        }

        static func newKey() -> String {
            Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString() + "\n"
        }

        /// - Parameter timeout: seconds a download may take: long enough for a loopback download
        /// on a machine running the whole suite, short enough to wait out a stalled host once.
        func serve(maxBytes: Int = 1 << 20, timeout: Int = 8) throws -> ServeProcess {
            try ServeProcess(bundle: bundle, arguments: [
                "--recordings-dir", recordings, "--recordings-key-file", key, "--recordings-allow-http",
                "--recordings-timeout", "\(timeout)", "--recordings-max-bytes", "\(maxBytes)",
            ])
        }

        func objects() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: recordings + "/objects")) ?? []).sorted()
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    /// The caller's number: never in a log, a metadata file or the audit log.
    static let caller = "+13125550143"

    static func callback(_ sid: String, url: String) -> [(String, String)] {
        [("AccountSid", "acct-1"), ("CallSid", "v3:call-1"), ("From", caller), ("To", number), ("RecordingSid", sid), ("RecordingUrl", url),
         ("RecordingStatus", "completed"), ("RecordingDuration", "4"), ("RecordingChannels", "1"), ("RecordingSource", "RecordVerb")]
    }

    /// The receiver URL the served entry document names for the `record` in `welcome`
    /// (`transcriptionCallback`, under `/texml/transcriptions/`, for its transcript).
    static func receiverPath(on server: ServeProcess, attribute name: String = "recordingStatusCallback",
                             under root: String = "/texml/recordings/") async throws -> String {
        let entry = try await server.post("/texml", ServerFixture.firstRequest(to: number))
        #expect(entry.status == .ok)
        let document = String(buffer: entry.body ?? ByteBuffer())
        let attribute = try #require(document.range(of: name + #"="[^"]*""#, options: .regularExpression))
        let path = String(document[attribute].dropFirst(name.count + 2).dropLast())
        #expect(path.hasPrefix(root) && path.hasSuffix("/voicemail/welcome"), "\(path)")
        return path
    }

    @Test func aRecordedCallEndsWithOneSealedObjectItsMetadataAndAnAuditLine() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        let host = MediaHost()
        let log = try await host.run { base in
            let server = try setup.serve(maxBytes: SpokenWAV.bytes.count)
            let receiver = try await Self.receiverPath(on: server)
            let url = base + "/recordings/ok.wav?X-Amz-Signature=very-secret"
            #expect(try await server.post(receiver, Self.callback("rec-1", url: url)).status == .ok)
            // Telnyx's retry of a stored recording is acknowledged without a second download.
            #expect(try await server.post(receiver, Self.callback("rec-1", url: url)).status == .ok)
            let failures = [("missing", "media-not-found"), ("downgraded", "insecure-redirect"), ("stalled", "timed-out"), ("endless", "too-large")]
            for (name, _) in failures {
                let response = try await server.post(receiver, Self.callback("rec-\(name)", url: base + "/recordings/\(name).wav"))
                #expect(response.status == .badGateway, "\(name)")
            }
            let unsigned = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
                try await client.post(receiver, body: ByteBuffer(string: ServerFixture.form(Self.callback("rec-2", url: url))))
            }
            #expect(unsigned.status == .forbidden)
            let metrics = String(buffer: try await server.operations("/metrics").body ?? ByteBuffer())
            let lines = metrics.split(separator: "\n")
            for family in ["ivrc_recordings_received_total", "ivrc_recordings_stored_total", "ivrc_recording_bytes_total", "ivrc_recordings_failed_total"] {
                #expect(lines.contains { $0.hasPrefix("# HELP \(family) ") }, "\(family)")
            }
            #expect(lines.contains(#"ivrc_recordings_stored_total{flow="voicemail"} 1"#))
            #expect(lines.contains(#"ivrc_recordings_received_total{flow="voicemail"} 6"#))
            #expect(lines.contains("ivrc_recording_bytes_total{flow=\"voicemail\"} \(SpokenWAV.bytes.count)"))
            for (_, reason) in failures {
                #expect(lines.contains { $0.hasPrefix("ivrc_recordings_failed_total{") && $0.contains("reason=\"\(reason)\"") && $0.hasSuffix(" 1") }, "\(reason)")
            }
            #expect(server.terminate() == 0)
            return server.log
        }
        #expect(host.hits.value == 1)
        #expect(!log.contains("very-secret") && !log.contains("/recordings/ok.wav") && !log.contains("Ada") && !log.contains(Self.caller))
        #expect(setup.objects() == ["rec-1.json", "rec-1.sealed"])
        let sealed = try #require(FileManager.default.contents(atPath: setup.recordings + "/objects/rec-1.sealed"))
        #expect(Array(sealed) != SpokenWAV.bytes)
        let metadata = String(decoding: try #require(FileManager.default.contents(atPath: setup.recordings + "/objects/rec-1.json")), as: UTF8.self)
        #expect(metadata.contains(#""flow":"voicemail""#) && metadata.contains(#""step":"welcome""#) && metadata.contains(#""call_sid":"v3:call-1""#))
        // `retention 7y`: kept seven years.
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let dates = try decoder.decode([String: Date].self, from: Data(#"{"r":"\#(Self.field("received_at", in: metadata))","u":"\#(Self.field("retain_until", in: metadata))"}"#.utf8))
        let years = Calendar(identifier: .gregorian).dateComponents([.year], from: try #require(dates["r"]), to: try #require(dates["u"])).year
        #expect(years == 7)
        #expect(!metadata.contains(Self.caller))
        let audit = try String(contentsOfFile: setup.recordings + "/audit.log", encoding: .utf8).split(separator: "\n")
        #expect(audit.count == 1 && audit[0].contains(#""action":"stored""#) && audit[0].contains(#""recording":"rec-1""#))

        // The audio comes back only through `ivrc recordings get`, exactly as served.
        let output = setup.directory.appendingPathComponent("out.wav").path
        let get = try ServeProcess.run(["recordings", "get", setup.recordings, "rec-1", "-o", output, "--key-file", setup.key])
        #expect(get.status == 0, "\(get.output)")
        #expect(FileManager.default.contents(atPath: output).map(Array.init) == SpokenWAV.bytes)
        #expect(Tool.soxi(output) == "8000 Hz, 1 channel(s)")
        let list = try ServeProcess.run(["recordings", "list", setup.recordings, "--flow", "voicemail"])
        #expect(list.status == 0 && list.output.hasPrefix("rec-1  voicemail  welcome  v3:call-1  4s"), "\(list.output)")
        #expect(try ServeProcess.run(["recordings", "list", setup.recordings, "--call", "v3:other"]).output.isEmpty)

        // Refused: another key, an existing output file, a flipped byte.
        let otherKey = setup.directory.appendingPathComponent("other.key").path
        try Setup.newKey().write(toFile: otherKey, atomically: true, encoding: .utf8)
        let wrongKey = try ServeProcess.run(["recordings", "get", setup.recordings, "rec-1", "-o", output + ".2", "--key-file", otherKey])
        #expect(wrongKey.status == 1 && wrongKey.output.contains("not among the keys given"), "\(wrongKey.output)")
        #expect(try ServeProcess.run(["recordings", "get", setup.recordings, "rec-1", "-o", output, "--key-file", setup.key]).status == 2)
        var flipped = Array(sealed)
        flipped[flipped.count - 40] ^= 0x80
        try Data(flipped).write(to: URL(fileURLWithPath: setup.recordings + "/objects/rec-1.sealed"))
        let tampered = try ServeProcess.run(["recordings", "get", setup.recordings, "rec-1", "-o", output + ".3", "--key-file", setup.key])
        #expect(tampered.status == 1 && tampered.output.contains("refused"), "\(tampered.output)")
        #expect(!FileManager.default.fileExists(atPath: output + ".3"))

        let verify = try ServeProcess.run(["recordings", "verify", setup.recordings])
        #expect(verify.status == 0 && verify.output.contains("chain intact"), "\(verify.output)")
        let actions = try String(contentsOfFile: setup.recordings + "/audit.log", encoding: .utf8).split(separator: "\n").map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["action"] as? String ?? ""
        }
        // The refused reads are audited too; the run that found its output file taken read nothing.
        #expect(actions == ["stored", "read", "listed", "listed", "read", "read", "verified"])

        // An audit line edited after the fact (a read made to look like a listing) breaks the chain at the next line.
        let auditPath = setup.recordings + "/audit.log"
        var auditLines = try String(contentsOfFile: auditPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        auditLines[1] = Substring(auditLines[1].replacingOccurrences(of: #""action":"read""#, with: #""action":"listed""#))
        try auditLines.joined(separator: "\n").write(toFile: auditPath, atomically: true, encoding: .utf8)
        let broken = try ServeProcess.run(["recordings", "verify", setup.recordings])
        #expect(broken.status == 1 && broken.output.contains("audit.log:3: the audit chain is broken"), "\(broken.output)")
        #expect(!String(decoding: try #require(FileManager.default.contents(atPath: auditPath)), as: UTF8.self).contains(Self.caller))
    }

    /// A SIGKILL while the recording is written leaves either nothing or a whole, openable
    /// recording; the next server removes the leftovers, and Telnyx's retry stores it.
    @Test func aKillDuringTheWriteLeavesNoPartialObject() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        // Large enough that sealing and flushing it takes a while.
        let audio = [UInt8](repeating: 0x5A, count: 48 << 20)
        try await MediaHost().run(audio: audio) { base in
            // The download may take its time on a busy machine: the kill, not a timeout, is under test.
            let server = try setup.serve(maxBytes: audio.count, timeout: 120)
            let receiver = try await Self.receiverPath(on: server)
            let url = base + "/recordings/ok.wav"
            let sent = Task { try? await server.post(receiver, Self.callback("rec-big", url: url)) }
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !setup.objects().contains(where: { $0.hasPrefix(".tmp-") || $0.hasSuffix(".json") }) {
                try await Task.sleep(for: .milliseconds(1))
            }
            kill(server.process.processIdentifier, SIGKILL)
            _ = await sent.value
            let left = setup.objects().filter { !$0.hasPrefix(".tmp-") }
            // Never a metadata file without its object: the recording is whole or absent.
            #expect(left == [] || left == ["rec-big.sealed"] || left == ["rec-big.json", "rec-big.sealed"], "\(left)")

            let restarted = try setup.serve(maxBytes: audio.count, timeout: 120)
            #expect(setup.objects().allSatisfy { !$0.hasPrefix(".tmp-") })
            #expect(try await restarted.post(receiver, Self.callback("rec-big", url: url)).status == .ok)
            #expect(restarted.terminate() == 0)
        }
        #expect(setup.objects() == ["rec-big.json", "rec-big.sealed"])
        let output = setup.directory.appendingPathComponent("big.bin").path
        #expect(try ServeProcess.run(["recordings", "get", setup.recordings, "rec-big", "-o", output, "--key-file", setup.key]).status == 0)
        // Compared outside #expect, which would print all 48 MiB on a mismatch.
        let readBack = FileManager.default.contents(atPath: output) == Data(audio)
        #expect(readBack, "the recording read back is not the audio served")
    }

    static func field(_ name: String, in json: String) -> String {
        guard let range = json.range(of: "\"\(name)\":\"[^\"]*\"", options: .regularExpression) else { return "" }
        return String(json[range].dropFirst(name.count + 4).dropLast())
    }
}
