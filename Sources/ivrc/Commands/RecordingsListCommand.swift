import ArgumentParser
import IVRRecordings

struct RecordingsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored recordings (metadata only): id, flow, step, call, duration, size, received, kept until."
    )

    @Argument(help: "The recordings directory (`ivrc serve --recordings-dir`).")
    var directory: String

    @Option(help: "Only recordings of this flow.")
    var flow: String?

    @Option(help: "Only recordings of this call (its CallSid).")
    var call: String?

    func run() throws {
        try withRecordings(directory) { store in
            let shown = try store.all().filter { recording in
                (flow.map { $0 == recording.flow } ?? true) && (call.map { $0 == recording.callSid } ?? true)
            }
            let filter = [flow.map { "flow \($0)" }, call.map { "call \($0)" }].compactMap { $0 }.joined(separator: ", ")
            try audit(store, "listed", detail: filter.isEmpty ? "all" : filter)
            for recording in shown { print(recording.summary) }
        }
    }
}
