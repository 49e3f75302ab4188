import Foundation

/// When each build of a store became current: the file `history`, one line per switch,
/// `UNIX-SECONDS BUNDLE-ID`, oldest first. A bundle retired when the next line's bundle became
/// current; that moment starts its grace period, on every replica and after any restart.
public struct BundleHistory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let id: String
        public let since: Date

        public init(id: String, since: Date) {
            self.id = id
            self.since = since
        }
    }

    /// Oldest first.
    public private(set) var entries: [Entry]

    /// The end of year 9999: a larger time in a line is no switch (and would not survive the
    /// round trip through `Date`, whose seconds are a `Double`).
    static let latestSeconds: Int64 = 253_402_300_799

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Parses the file's text; a line that is not `SECONDS ID` is skipped (the file is ours,
    /// but a store on a shared volume is input like any other), so one bad line loses one switch.
    public init(text: String) {
        entries = text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 2, let seconds = Int64(fields[0]), (0...Self.latestSeconds).contains(seconds),
                  BundleID.isValid(fields[1]) else { return nil }
            return Entry(id: String(fields[1]), since: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
    }

    public var text: String {
        entries.map { "\(Int64($0.since.timeIntervalSince1970)) \($0.id)\n" }.joined()
    }

    public mutating func record(_ id: String, at moment: Date) {
        entries.append(Entry(id: id, since: moment))
    }

    /// Each bundle that was current before `current`, newest first, with when it last stopped
    /// being current.
    public func retired(current: String?) -> [Entry] {
        var seen: Set<String> = current.map { [$0] } ?? []
        var retired: [Entry] = []
        for (index, entry) in entries.enumerated().reversed() where index + 1 < entries.count {
            guard seen.insert(entry.id).inserted else { continue }
            retired.append(Entry(id: entry.id, since: entries[index + 1].since))
        }
        return retired
    }

    /// Keeps only the lines of bundles in `kept`: the file does not grow without bound.
    public mutating func keepOnly(_ kept: Set<String>) {
        entries.removeAll { !kept.contains($0.id) }
    }
}
