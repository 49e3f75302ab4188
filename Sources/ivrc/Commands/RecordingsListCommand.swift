import ArgumentParser
import IVRRecordings

struct RecordingsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored recordings (metadata only): id, flow, step, call, duration, size, received, kept until, transcript."
    )

    @Argument(help: "The recordings directory (`ivrc serve --recordings-dir`).")
    var directory: String

    @Option(help: "Only recordings of this flow.")
    var flow: String?

    @Option(help: "Only recordings of this call (its CallSid).")
    var call: String?

    func run() throws {
        try withRecordings(directory) { store in
            let wanted = { (recordingFlow: String, callSid: String) in
                (flow.map { $0 == recordingFlow } ?? true) && (call.map { $0 == callSid } ?? true)
            }
            let recordings = try store.all()
            var transcripts = try store.allTranscripts()
            let filter = [flow.map { "flow \($0)" }, call.map { "call \($0)" }].compactMap { $0 }.joined(separator: ", ")
            try audit(store, "listed", detail: filter.isEmpty ? "all" : filter)
            for recording in recordings where wanted(recording.flow, recording.callSid) {
                print(recording.summary(transcript: transcripts.removeValue(forKey: recording.recordingSid)))
            }
            // Transcripts that arrived before their recording (or outlived it).
            for sid in transcripts.keys.sorted() {
                if let transcript = transcripts[sid], wanted(transcript.flow, transcript.callSid) { print(transcript.summary) }
            }
        }
    }
}
