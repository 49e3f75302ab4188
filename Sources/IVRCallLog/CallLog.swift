import IVRBundle

/// `ivrc report`'s phases: log files → ledger of calls → report.
public enum CallLog {
    /// A log file that cannot be read: the report stops, naming it.
    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads every file (plain or gzip'd, in any order; the same call may span files) and
    /// builds the report; `manifest` adds route kinds, first languages and daily targets.
    public static func report(_ paths: [String], window: TimeWindow = .everything, manifest: Manifest? = nil,
                              maxLineBytes: Int = LineSplitter.defaultMaxLineBytes) throws(Unreadable) -> CallReport {
        var ledger = CallLedger(window: window)
        let reader = LogFileReader(maxLineBytes: maxLineBytes)
        for path in paths {
            do { try reader.read(path, into: &ledger) } catch { throw Unreadable(description: error.description) }
        }
        return CallReportBuilder.build(ledger, manifest: manifest)
    }
}
