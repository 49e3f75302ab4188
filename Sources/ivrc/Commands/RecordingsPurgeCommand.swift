import ArgumentParser
import Foundation
import IVRRecordings

struct RecordingsPurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete the recordings past their retain-until date (a dry run unless --yes).",
        discussion: "Each deletion is audited; a dry run lists what would go and deletes nothing."
    )

    @Argument(help: "The recordings directory (`ivrc serve --recordings-dir`).")
    var directory: String

    @Flag(help: "Delete for real (without it, only list what is due).")
    var yes = false

    func run() throws {
        try withRecordings(directory) { store in
            let due = try store.due(at: Date())
            guard yes else {
                try audit(store, "purge-dry-run", detail: "\(due.count) due")
                for recording in due { print("would delete  \(recording.summary)") }
                print("\(due.count) recording(s) past their retention; run again with --yes to delete them")
                return
            }
            for recording in due {
                try store.remove(recording.recordingSid)
                try audit(store, "purged", recording: recording.recordingSid,
                          detail: "flow \(recording.flow), kept until \(ISO8601DateFormatter().string(from: recording.retainUntil))")
                print("deleted  \(recording.summary)")
            }
            print("\(due.count) recording(s) deleted")
        }
    }
}
