import Synchronization

/// A counter family with labels, kept here rather than in the Prometheus registry and written
/// into the same exposition. The registry copies a family's whole table for each new label set,
/// so declaring the tens of thousands of series of a 1,000-flow bundle at 0 took it minutes of
/// CPU at startup and at every reload; here a new series is one dictionary insert.
final class CounterTable: Sendable {
    let name: String
    private let help: String
    private let labelNames: [String]
    /// Each series by its label values, in `labelNames` order.
    private let series = Mutex<[SeriesLabels: Int]>([:])

    init(name: String, labels: [String], help: String) {
        self.name = name
        self.help = help
        labelNames = labels
    }

    /// Exports the series at 0 unless it already counts something.
    func declare(_ values: [String]) {
        let labels = SeriesLabels(values: values)
        series.withLock { series in
            if series[labels] == nil { series[labels] = 0 }
        }
    }

    func increment(_ values: [String]) {
        let labels = SeriesLabels(values: values)
        series.withLock { $0[labels, default: 0] += 1 }
    }

    /// The family in the Prometheus text format, series sorted by their labels.
    func exposition() -> String {
        let snapshot = series.withLock { $0 }
        var text = "# HELP \(name) \(help)\n# TYPE \(name) counter\n"
        let lines = snapshot.map { series, count in
            let labels = zip(labelNames, series.values).map { "\($0)=\"\(Self.escaped($1))\"" }.joined(separator: ",")
            return "\(name){\(labels)} \(count)\n"
        }
        for line in lines.sorted() { text += line }
        return text
    }

    /// A label value as the text format writes it: backslash, double quote and newline escaped.
    private static func escaped(_ value: String) -> String {
        guard value.contains(where: { $0 == "\\" || $0 == "\"" || $0 == "\n" }) else { return value }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// A series' label values as a table key, hashed as one word: their bytes through FNV-1a. The
/// values are names from the manifest and words from fixed sets, never what a request sent, so
/// the table needs no seeded hash; hashing each value as a `String` cost a request three times as
/// much (three series counted on each).
struct SeriesLabels: Hashable {
    let values: [String]

    func hash(into hasher: inout Hasher) {
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values {
            var value = value
            value.withUTF8 { bytes in
                for byte in bytes { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            // A byte UTF-8 never has ends each value: ["ab", "c"] and ["a", "bc"] differ.
            digest = (digest ^ 0xff) &* 0x100_0000_01b3
        }
        hasher.combine(digest)
    }
}
