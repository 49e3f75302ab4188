import Foundation

/// Opening hours in a time zone: weekly ranges, minus closures on dates. Written into the
/// manifest and decided when a call reaches it — by the server at request time, by tests at
/// the moment they give — so the compiler can prove both branches while the clock picks one.
public struct Schedule: Sendable, Codable, Equatable {
    /// `open mon-fri 8:00-18:00`. Days are 1 (Monday) … 7 (Sunday); times are minutes after
    /// midnight. A range whose end is not after its start runs past midnight into the next day.
    public struct Weekly: Sendable, Codable, Equatable {
        public let days: [Int]
        public let from: Int
        public let to: Int

        public init(days: [Int], from: Int, to: Int) {
            self.days = days
            self.from = from
            self.to = to
        }

        public var isOvernight: Bool { to <= from }
    }

    /// `closed 2026-12-25` (the whole day) or `closed 2026-12-24 12:00-24:00` (part of it);
    /// `closed every 12-25`: that month and day of each year.
    public struct Closure: Sendable, Codable, Equatable {
        public let date: CalendarDate
        public let from: Int?
        public let to: Int?
        /// True for `closed every MM-DD` (`date` then holds the year 2000, where 02-29 exists);
        /// absent from the manifest otherwise, so dated closures read as before.
        public let everyYear: Bool?
        /// What the closure is, as written (`"Christmas"`), so `ivrc import` writes it back.
        public let label: String?

        public init(date: CalendarDate, from: Int?, to: Int?, everyYear: Bool = false, label: String? = nil) {
            self.date = date
            self.from = from
            self.to = to
            self.everyYear = everyYear ? true : nil
            self.label = label
        }

        /// Whether the closure falls on `day`.
        public func falls(on day: CalendarDate) -> Bool {
            everyYear == true ? (date.month, date.day) == (day.month, day.day) : date == day
        }
    }

    /// An IANA zone (`America/New_York`): opening hours follow its daylight-saving changes.
    public let timeZone: String
    public let open: [Weekly]
    public let closed: [Closure]

    public init(timeZone: String, open: [Weekly], closed: [Closure]) {
        self.timeZone = timeZone
        self.open = open
        self.closed = closed
    }

    /// Whether the line is open at `moment`, read as local time in the schedule's zone.
    public func isOpen(at moment: CallMoment) -> Bool {
        guard let local = localTime(moment) else { return false }
        for closure in closed where closure.falls(on: local.date) {
            guard let from = closure.from, let to = closure.to else { return false }
            if (from..<to).contains(local.minute) { return false }
        }
        return open.contains { range in
            if !range.isOvernight { return range.days.contains(local.weekday) && (range.from..<range.to).contains(local.minute) }
            let yesterday = local.weekday == 1 ? 7 : local.weekday - 1
            return (range.days.contains(local.weekday) && local.minute >= range.from)
                || (range.days.contains(yesterday) && local.minute < range.to)
        }
    }

    /// False for a wall-clock moment the schedule's zone skips (`2026-03-08 02:30` in
    /// America/Chicago, where clocks go from 02:00 to 03:00); instants always exist.
    public func exists(_ moment: CallMoment) -> Bool {
        guard case .wallClock(let year, let month, let day, let minutes) = moment, let zone = TimeZone(identifier: timeZone) else { return true }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let wanted = DateComponents(year: year, month: month, day: day, hour: minutes / 60, minute: minutes % 60)
        guard let date = calendar.date(from: wanted) else { return false }
        let read = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return read.year == year && read.month == month && read.day == day && read.hour == minutes / 60 && read.minute == minutes % 60
    }

    private func localTime(_ moment: CallMoment) -> (date: CalendarDate, weekday: Int, minute: Int)? {
        guard let zone = TimeZone(identifier: timeZone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date: CalendarDate
        let minute: Int
        switch moment {
        case .instant(let instant):
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
            guard let year = parts.year, let month = parts.month, let day = parts.day,
                  let hour = parts.hour, let minutes = parts.minute else { return nil }
            date = CalendarDate(year: year, month: month, day: day)
            minute = hour * 60 + minutes
        case .wallClock(let year, let month, let day, let minutes):
            date = CalendarDate(year: year, month: month, day: day)
            minute = minutes
        }
        // Noon exists on every day, daylight-saving changes included.
        guard let noon = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)) else {
            return nil
        }
        let sundayFirst = calendar.component(.weekday, from: noon)
        return (date, sundayFirst == 1 ? 7 : sundayFirst - 1, minute)
    }

    /// The parts of the week (in minutes from Monday 00:00) the weekly ranges cover, closures
    /// aside: merged and sorted, in O(n log n) for n ranges (a hostile file can hold thousands).
    public var openIntervalsOfWeek: [Range<Int>] {
        let week = 7 * ClockTime.endOfDay
        var pieces: [Range<Int>] = []
        for range in open {
            let length = range.isOvernight ? ClockTime.endOfDay - range.from + range.to : range.to - range.from
            for day in range.days {
                let start = (day - 1) * ClockTime.endOfDay + range.from
                // Sunday night runs into Monday morning: split at the end of the week.
                if start + length <= week {
                    pieces.append(start..<(start + length))
                } else {
                    pieces.append(start..<week)
                    pieces.append(0..<(start + length - week))
                }
            }
        }
        var merged: [Range<Int>] = []
        for piece in pieces.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, piece.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, piece.upperBound)
            } else {
                merged.append(piece)
            }
        }
        return merged
    }

}
