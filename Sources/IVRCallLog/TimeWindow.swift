/// The lines a report covers (`--from`, `--to`): a moment, or a bare day meaning the whole day
/// (`--from 2026-12-01 --to 2026-12-07` is seven days).
public struct TimeWindow: Sendable, Equatable {
    public let from: LogTime?
    /// Exclusive.
    public let until: LogTime?
    /// As given on the command line, for the report's heading.
    public let fromText: String?
    public let toText: String?

    /// Why `--from`/`--to` cannot be used, naming the option and value at fault.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static let everything = TimeWindow(from: nil, until: nil, fromText: nil, toText: nil)

    private init(from: LogTime?, until: LogTime?, fromText: String?, toText: String?) {
        self.from = from
        self.until = until
        self.fromText = fromText
        self.toText = toText
    }

    public init(from: String?, to: String?) throws(Failure) {
        let start = try from.map { text throws(Failure) in try Self.moment(text, option: "--from") }
        var end = try to.map { text throws(Failure) in try Self.moment(text, option: "--to") }
        if let to, to.count == 10, let day = end { end = LogTime(milliseconds: day.milliseconds + 86_400_000) }
        if let start, let end, let from, let to, start >= end {
            throw Failure(description: "--from \(from) is not before --to \(to): nothing lies between them; swap them, or widen the window")
        }
        self.init(from: start, until: end, fromText: from, toText: to)
    }

    public func contains(_ time: LogTime) -> Bool {
        (from.map { time >= $0 } ?? true) && (until.map { time < $0 } ?? true)
    }

    private static func moment(_ text: String, option: String) throws(Failure) -> LogTime {
        guard let time = LogTime.parse(text) else {
            throw Failure(description: "\(option) \(text): not a day (2026-12-01) or a UTC moment (2026-12-01T08:00:00Z)")
        }
        return time
    }
}
