/// The transcript as numbered lines, the way `simulate` and failed tests print it.
public enum TranscriptFormatter {
    public static func format(_ events: [CallEvent], indent: String = "  ") -> String {
        let width = String(max(events.count - 1, 0)).count
        return events.enumerated().map { index, event in
            let number = String(index)
            return indent + String(repeating: " ", count: width - number.count) + number + "  " + line(event) + "\n"
        }.joined()
    }

    /// One event; documents stand out as headings because they mark where the call is.
    public static func line(_ event: CallEvent) -> String {
        if case .document = event { return "── \(event)" }
        return event.description
    }
}
