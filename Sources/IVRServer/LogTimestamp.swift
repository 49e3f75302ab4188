import Glibc

/// A log line's `time`: UTC to the millisecond (`2026-11-27T10:41:46.123Z`), the milliseconds cut,
/// not rounded, so a line never claims a later instant than it was written at. The part up to
/// the second is formatted once a second: through Foundation's calendar it cost more than the
/// rest of a request's line.
enum LogTimestamp {
    private static let prefixes = PerSecondText(secondPrefix)

    /// Now, up to the second and the rest: a log line writes them one after the other, which
    /// costs less than joining them.
    static var now: (second: String, millisecond: String) {
        let clock = PerSecondText.now
        return parts(seconds: clock.tv_sec, milliseconds: clock.tv_nsec / 1_000_000)
    }

    static func parts(seconds: Int, milliseconds: Int) -> (second: String, millisecond: String) {
        (prefixes.text(at: seconds), millisecondSuffixes[milliseconds])
    }

    /// `005Z` for 5 milliseconds, made once.
    private static let millisecondSuffixes = (0..<1000).map { String(String($0 + 1000).dropFirst()) + "Z" }

    /// `2026-11-27T10:41:46.` for the second `seconds` after the epoch.
    private static func secondPrefix(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func padded(_ number: Int32, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))T"
            + "\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2))."
    }
}
