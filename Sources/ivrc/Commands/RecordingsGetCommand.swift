import ArgumentParser
import Foundation
import IVRRecordings

struct RecordingsGetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Decrypt one recording (or its transcript) into a file, after checking it is what was stored.",
        discussion: "Refuses (exit 1) an object that was altered, truncated, names no key or a key not given."
    )

    @Argument(help: "The recordings directory (`ivrc serve --recordings-dir`).")
    var directory: String

    @Argument(help: "The recording's RecordingSid (see `ivrc recordings list`).")
    var recordingSid: String

    @Option(name: .shortAndLong, help: "File to write the audio (or transcript) to (created owner-only; an existing file is refused).")
    var output: String

    @Flag(help: "Write the recording's transcript (UTF-8 text) instead of its audio.")
    var transcript = false

    @Option(help: "A recordings key file (base64 of 32 bytes); repeat for rotated keys.")
    var keyFile: [String] = []

    func validate() throws {
        guard !keyFile.isEmpty else { throw ValidationError("give --key-file: the server's --recordings-key-file (every one, after a rotation)") }
    }

    func run() throws {
        try withRecordings(directory) { store in
            let keys: RecordingKeyRing
            do {
                keys = try RecordingKeyRing.load(files: keyFile)
            } catch {
                throw UsageFailure("\(error)")
            }
            let what = transcript ? "transcript" : "recording"
            let stored = transcript ? store.containsTranscript(recordingSid) : store.contains(recordingSid)
            guard stored else { throw UsageFailure("no \(what) \(recordingSid) in \(directory)") }
            let descriptor = open(output, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw UsageFailure("cannot create \(output): \(String(cString: strerror(errno))) (an existing file is never overwritten)")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            // The attempt is audited before the content leaves the store, whether or not it opens.
            try audit(store, transcript ? "transcript-read" : "read", recording: recordingSid, detail: "to \(output)")
            let content: [UInt8]
            do {
                content = transcript ? Array(try store.transcript(recordingSid, keys: keys).utf8) : try store.audio(recordingSid, keys: keys)
            } catch {
                unlink(output)
                throw IntegrityFailure("\(what) \(recordingSid) refused: \(error)")
            }
            try handle.write(contentsOf: Data(content))
            try handle.synchronize()
        }
    }
}
