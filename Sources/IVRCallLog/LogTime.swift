/// A moment in a log line or on the command line, as milliseconds since 1970 (UTC). The log
/// writes `2026-11-27T10:41:46.123Z`; `--from`/`--to` also take a bare day (`2026-11-27`).
/// Parsed by hand: a million lines must not pay for a date formatter each.
public struct LogTime: Sendable, Hashable, Comparable {
    public let milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (lhs: LogTime, rhs: LogTime) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// `YYYY-MM-DD`, the day the moment falls on in UTC.
    public var day: String {
        let days = Int(milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000)
        let (year, month, day) = Self.civil(fromDays: days)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff…]Z` or `YYYY-MM-DD` (midnight UTC); nil for anything else.
    public static func parse(_ text: some StringProtocol) -> LogTime? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = Int64(Self.days(year: year, month: month, day: day)) * 86_400
        var millis: Int64 = 0
        if bytes.count > 10 {
            guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                  bytes.last == UInt8(ascii: "Z"), let hour = number(11..<13), let minute = number(14..<16),
                  let second = number(17..<19), hour < 24, minute < 60, second < 61 else { return nil }
            seconds += Int64(hour * 3600 + minute * 60 + second)
            let fraction = bytes[19..<(bytes.count - 1)]
            if !fraction.isEmpty {
                guard fraction.first == UInt8(ascii: "."), fraction.count >= 2, fraction.count <= 10,
                      let digits = number((fraction.startIndex + 1)..<fraction.endIndex) else { return nil }
                let places = fraction.count - 1
                millis = places >= 3 ? Int64(digits) / Int64(pow10(places - 3)) : Int64(digits) * Int64(pow10(3 - places))
            }
        }
        return LogTime(milliseconds: seconds * 1000 + millis)
    }

    private static func pow10(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { value, _ in value * 10 } }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(year:month:day:)` (`civil_from_days`).
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
