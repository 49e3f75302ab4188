import ArgumentParser
import Foundation
import IVRRecordings

struct RecordingsPurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete the recordings past their retain-until date, with their transcripts (a dry run unless --yes).",
        discussion: "A transcript whose recording never arrived goes at its own date. Each deletion is audited; a dry run lists what would go and deletes nothing."
    )

    @Argument(help: "The recordings directory (`ivrc serve --recordings-dir`).")
    var directory: String

    @Flag(help: "Delete for real (without it, only list what is due).")
    var yes = false

    func run() throws {
        try withRecordings(directory) { store in
            let now = Date()
            let due = try store.due(at: now)
            let transcripts = try store.allTranscripts()
            let orphans = try store.dueTranscripts(at: now)
            guard yes else {
                try audit(store, "purge-dry-run", detail: "\(due.count) due, \(orphans.count) transcript(s) without a recording due")
                for recording in due { print("would delete  \(recording.summary(transcript: transcripts[recording.recordingSid]))") }
                for transcript in orphans { print("would delete  \(transcript.summary)") }
                print("\(due.count) recording(s) and \(orphans.count) transcript(s) without a recording past their retention; run again with --yes to delete them")
                return
            }
            for recording in due {
                let transcript = transcripts[recording.recordingSid]
                try store.remove(recording.recordingSid)
                try audit(store, "purged", recording: recording.recordingSid,
                          detail: "flow \(recording.flow), kept until \(recording.retainUntil.iso8601)")
                // A transcript goes with its recording.
                if let transcript { try purge(transcript, from: store) }
                print("deleted  \(recording.summary(transcript: transcript))")
            }
            for transcript in orphans {
                try purge(transcript, from: store)
                print("deleted  \(transcript.summary)")
            }
            print("\(due.count) recording(s) and \(orphans.count) transcript(s) without a recording deleted")
        }
    }

    private func purge(_ transcript: TranscriptMetadata, from store: RecordingStore) throws {
        try store.removeTranscript(transcript.recordingSid)
        try audit(store, "transcript-purged", recording: transcript.recordingSid,
                  detail: "transcript \(transcript.transcriptionSid), flow \(transcript.flow), kept until \(transcript.retainUntil.iso8601)")
    }
}
