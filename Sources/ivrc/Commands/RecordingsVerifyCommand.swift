import ArgumentParser
import IVRRecordings

struct RecordingsVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain end to end (exit 1 where a line was removed, edited or reordered).",
        discussion: "Prints the last line's hash: keep it elsewhere, and a later verify shows nothing before it changed."
    )

    @Argument(help: "The recordings directory (`ivrc serve --recordings-dir`).")
    var directory: String

    func run() throws {
        try withRecordings(directory) { store in
            switch store.audit.verify() {
            case .broken(let line, let reason):
                throw IntegrityFailure("\(store.audit.path):\(line): the audit chain is broken: \(reason)")
            case .intact(let lines, let head):
                // Audited after checking, so the check covers every line before this run.
                try audit(store, "verified", detail: "\(lines) line(s) intact")
                print("\(store.audit.path): \(lines) line(s), chain intact; head \(head)")
            }
        }
    }
}
