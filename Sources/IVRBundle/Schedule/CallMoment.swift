import Foundation

/// When a call happens, for deciding schedules: an instant (the server's clock, an ISO 8601
/// time with its offset), or a wall-clock time where the line is (`at 2026-12-25 09:00` in a
/// test), which every schedule reads in its own time zone.
public enum CallMoment: Sendable, Hashable, CustomStringConvertible {
    case instant(Date)
    case wallClock(year: Int, month: Int, day: Int, minute: Int)

    /// `2026-12-25 09:00` (wall clock) or `2026-03-08T06:45:00Z` / `…+01:00` (an instant);
    /// nil for anything else, including dates that do not exist.
    public static func parse(_ text: String) -> CallMoment? {
        if let date = ISO8601DateFormatter().date(from: text) { return .instant(date) }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let date = CalendarDate.parse(String(parts[0])),
              let minute = ClockTime.parse(String(parts[1])), minute < ClockTime.endOfDay else { return nil }
        return .wallClock(year: date.year, month: date.month, day: date.day, minute: minute)
    }

    public var description: String {
        switch self {
        case .instant(let date): ISO8601DateFormatter().string(from: date)
        case .wallClock(let year, let month, let day, let minute):
            CalendarDate(year: year, month: month, day: day).description + " " + ClockTime.spell(minute)
        }
    }
}

/// `2026-12-25`: a day that exists in the Gregorian calendar.
public struct CalendarDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func parse(_ text: String) -> CalendarDate? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard DateComponents(calendar: calendar, year: year, month: month, day: day).isValidDate else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// `8:00`, `18:30`, `24:00`: minutes after midnight.
public enum ClockTime {
    public static let endOfDay = 24 * 60

    public static func parse(_ text: String) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, (1...2).contains(fields[0].count), fields[1].count == 2,
              fields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(fields[0]), let minute = Int(fields[1]), minute < 60 else { return nil }
        let total = hour * 60 + minute
        return total <= endOfDay ? total : nil
    }

    public static func spell(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
