import IVRLang

extension DiagnosticID {
    public static let recordingUnsaved = DiagnosticID(
        "recording-unsaved", .warning,
        summary: "every recording is delivered somewhere (recording-status-callback)",
        explanation: """
            Telnyx keeps a recording's URL for ten minutes after the call ends; only the \
            `recordingStatusCallback` hears about it in time to fetch it. A `record`, a \
            `dial record=…` (other than do-not-record) or a `recording` started by `start` with \
            no callback makes a voicemail nobody will ever hear. Say once, under the flow, where \
            recordings go (`recording-status-callback https://…`): the compiler writes it on \
            every recording of the flow. A statement can name its own with \
            `recording-status-callback=URL`.
            """,
        reported: [
            """
            flow voicemail
              number +1-800-555-0157

              step start
                disclose "This call is being recorded."
                say "Leave a message after the beep."
                ↓record beep max=120s -> done

              step done
                hangup
            """,
            """
            flow dispatch
              number +1-888-555-0162

              step start
                disclose "This call may be recorded."
                ↓dial +1-555-020-0911 record=record-from-answer
            """,
        ],
        notReported: [
            """
            flow voicemail
              number +1-800-555-0157
              recording-status-callback https://records.example.com/telnyx

              step start
                disclose "This call is being recorded."
                say "Leave a message after the beep."
                record beep max=120s -> done

              step done
                hangup
            """,
            """
            flow dispatch
              number +1-888-555-0162

              step start
                disclose "This call may be recorded."
                dial +1-555-020-0911 record=record-from-answer recording-status-callback=https://records.example.com/dial
            """,
        ])
}

/// Every recording is delivered somewhere: Telnyx recording URLs expire ten minutes after the
/// call, so a recording without `recordingStatusCallback` is lost.
public struct RecordingUnsavedRule: Rule {
    public init() {}

    public let description = RuleDescription(.recordingUnsaved)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.filter { $0.recordingStatusCallback == nil }.flatMap(check)
    }

    private func check(_ flow: Flow) -> [Diagnostic] {
        flow.steps.flatMap { step in
            step.actions.filter { action in
                action.recordingFiles.contains { !$0.contains { $0.name == "recordingStatusCallback" } }
            }.map { action in
                finding("`\(action.keyword)` makes a recording that is delivered nowhere, so it is lost ten minutes after the call",
                        at: flow.span(action.range),
                        help: "add `recording-status-callback https://…` under `flow \(flow.name)` to deliver every recording of the flow there, or `recording-status-callback=URL` on this statement")
            }
        }
    }
}
