/// What the report read and what it could not use, said in its footer: bad input is counted,
/// never fatal.
public struct InputTally: Sendable, Equatable, Codable {
    public var files = 0
    public var lines = 0
    /// Request lines with a time, inside the window: the ones the figures come from.
    public var requests = 0
    /// Log entries that are not requests (start-up, reloads, drain): not counted, not a problem.
    public var otherEntries = 0
    public var notJSON = 0
    /// A file's last line without its newline (the writer stopped mid-line).
    public var truncatedLastLines = 0
    /// Lines over `LineSplitter.defaultMaxLineBytes`, dropped unread.
    public var overlongLines = 0
    /// Request lines of an ivrc that did not log `step`/`outcome`: counted for calls, latency
    /// and errors; their steps come from the document's name.
    public var olderFormat = 0
    /// Request lines without a time: cannot be placed in a day or the window.
    public var untimed = 0
    public var outsideWindow = 0
    /// Files whose gzip stream stopped before its end, or whose data is damaged (their lines up
    /// to that point are read).
    public var gzipEndedEarly: [String] = []
    public var gzipCorrupt: [String] = []

    /// Footer sentences for what was skipped or incomplete; empty when everything was usable.
    public var problems: [String] {
        var said: [String] = []
        func count(_ number: Int, _ what: String) { if number > 0 { said.append("\(number) \(what)") } }
        count(notJSON, notJSON == 1 ? "line is not a JSON log entry (skipped)" : "lines are not JSON log entries (skipped)")
        count(truncatedLastLines, truncatedLastLines == 1 ? "file ends in a cut-off line (skipped)" : "files end in a cut-off line (skipped)")
        count(overlongLines, "over-long \(overlongLines == 1 ? "line" : "lines") (skipped)")
        count(olderFormat, "request \(olderFormat == 1 ? "line" : "lines") from an older ivrc without step/outcome (calls, latency and errors only)")
        count(untimed, "request \(untimed == 1 ? "line" : "lines") without a time (skipped)")
        count(outsideWindow, "request \(outsideWindow == 1 ? "line" : "lines") outside --from/--to")
        for file in gzipEndedEarly { said.append("\(file): gzip stream ends early (read up to there)") }
        for file in gzipCorrupt { said.append("\(file): gzip data damaged (read up to there)") }
        return said
    }
}
