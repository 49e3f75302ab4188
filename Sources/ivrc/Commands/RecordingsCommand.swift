import ArgumentParser
import Foundation
import IVRRecordings

/// `ivrc recordings …`: the only way to the recordings `ivrc serve` stored, each run audited.
struct RecordingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recordings",
        abstract: "List, read, purge and audit the recordings (and their transcripts) `ivrc serve` stored.",
        discussion: """
            DIR is the server's --recordings-dir. Every run appends a line to DIR/audit.log (the OS \
            user, what was asked, when; never audio or text), each line carrying the SHA-256 of the one before. \
            Exit status: 0 done, 1 a recording or the audit log fails its check, 2 usage or I/O error.
            """,
        subcommands: [RecordingsListCommand.self, RecordingsGetCommand.self, RecordingsPurgeCommand.self, RecordingsVerifyCommand.self]
    )
}

/// A recording or audit log that fails its integrity check: exit 1, not a usage error.
struct IntegrityFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

extension ParsableCommand {
    /// Runs `body` over the recordings directory `path`, mapping failures to their exit status.
    func withRecordings(_ path: String, _ body: (RecordingStore) throws -> Void) throws {
        try reportingFailures {
            let store: RecordingStore
            do {
                store = try RecordingStore.existing(path)
            } catch {
                throw UsageFailure("\(error)")
            }
            do {
                try body(store)
            } catch let failure as IntegrityFailure {
                standardError("ivrc: error: \(failure.description)\n")
                return ExitStatus.diagnostics
            } catch let failure as UsageFailure {
                throw failure
            } catch {
                throw UsageFailure("\(error)")
            }
            return ExitStatus.clean
        }
    }

    /// Appends an audit record for this run as the OS user.
    func audit(_ store: RecordingStore, _ action: String, recording: String? = nil, detail: String? = nil) throws {
        try store.audit.append(AuditLog.Entry(action: action, recording: recording, detail: detail))
    }
}

extension RecordingMetadata {
    /// One line of `list` and `purge`: metadata only, and whether a transcript is stored.
    func summary(transcript: TranscriptMetadata?) -> String {
        let duration = durationSeconds.map { "\($0)s" } ?? "-"
        return [recordingSid, flow, step, callSid, duration, "\(plaintextBytes)B", "received \(receivedAt.iso8601)",
                "keep until \(retainUntil.iso8601)", transcript.transcriptState].joined(separator: "  ")
    }
}

extension TranscriptMetadata {
    /// One line of `list` and `purge` for a transcript whose recording is not stored.
    var summary: String {
        [recordingSid, flow, step, callSid, "no recording", "received \(receivedAt.iso8601)", "keep until \(retainUntil.iso8601)",
         Optional(self).transcriptState].joined(separator: "  ")
    }
}

extension Optional where Wrapped == TranscriptMetadata {
    var transcriptState: String {
        switch self {
        case nil: "no transcript"
        case let transcript? where transcript.hasText: "transcript \(transcript.plaintextBytes ?? 0)B"
        case let transcript?: "transcript \(transcript.status), no text"
        }
    }
}

extension Date {
    var iso8601: String { ISO8601DateFormatter().string(from: self) }
}
