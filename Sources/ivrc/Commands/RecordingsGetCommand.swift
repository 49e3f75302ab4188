import ArgumentParser
import Foundation
import IVRRecordings

struct RecordingsGetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Decrypt one recording into a file, after checking it is the audio that was stored.",
        discussion: "Refuses (exit 1) an object that was altered, truncated, names no key or a key not given."
    )

    @Argument(help: "The recordings directory (`ivrc serve --recordings-dir`).")
    var directory: String

    @Argument(help: "The recording's RecordingSid (see `ivrc recordings list`).")
    var recordingSid: String

    @Option(name: .shortAndLong, help: "File to write the audio to (created owner-only; an existing file is refused).")
    var output: String

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
            guard store.contains(recordingSid) else { throw UsageFailure("no recording \(recordingSid) in \(directory)") }
            let descriptor = open(output, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw UsageFailure("cannot create \(output): \(String(cString: strerror(errno))) (an existing file is never overwritten)")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            // The attempt is audited before the audio leaves the store, whether or not it opens.
            try audit(store, "read", recording: recordingSid, detail: "to \(output)")
            let audio: [UInt8]
            do {
                audio = try store.audio(recordingSid, keys: keys)
            } catch {
                unlink(output)
                throw IntegrityFailure("recording \(recordingSid) refused: \(error)")
            }
            try handle.write(contentsOf: Data(audio))
            try handle.synchronize()
        }
    }
}
