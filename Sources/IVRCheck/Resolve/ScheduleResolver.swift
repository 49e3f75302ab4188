import Foundation
import IVRBundle
import IVRLang

/// Reads `schedule NAME "Zone/City"` declarations: `open DAY… FROM-TO` and `closed DATE
/// [FROM-TO]` lines, every value checked (zone, days, clock times, dates that exist).
extension FlowResolver {
    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    mutating func resolveSchedules() -> [NamedSchedule] {
        var schedules: [NamedSchedule] = []
        for declaration in declaration.schedules {
            guard let schedule = resolveSchedule(declaration) else { continue }
            if let first = schedules.first(where: { $0.name == schedule.name }) {
                error(.duplicateSchedule, "schedule `\(schedule.name)` is defined twice", schedule.range,
                      help: "give each schedule its own name", notes: [.init("first defined here", at: span(first.range))])
                continue
            }
            schedules.append(schedule)
        }
        return schedules
    }

    private mutating func resolveSchedule(_ declaration: Statement) -> NamedSchedule? {
        let example = "schedule office \"America/New_York\""
        guard declaration.arguments.count == 2, case .word(let name) = declaration.arguments[0].kind,
              Parser.isIdentifier(name), case .string(let zone) = declaration.arguments[1].kind else {
            error(.syntax, "a schedule needs a name and a quoted time zone", declaration.range, help: "write `\(example)`")
            return nil
        }
        if let extra = declaration.options.first?.range ?? declaration.target?.range {
            error(.syntax, "a schedule line holds only its name and time zone", extra, help: "write `\(example)`")
        }
        // An unknown zone is reported, and the schedule's lines are still read so that their
        // mistakes are reported in the same run.
        let zoneExists = TimeZone(identifier: zone) != nil
        if !zoneExists {
            let hint = Spelling.nearest(zone, in: TimeZone.knownTimeZoneIdentifiers).map { "did you mean `\($0)`? " } ?? ""
            error(.unknownTimeZone, "`\(zone)` is not a time zone", declaration.arguments[1].range,
                  help: "\(hint)use an IANA zone name such as \"America/Chicago\" or \"Europe/Madrid\"")
        }
        var open: [Schedule.Weekly] = []
        var closed: [Schedule.Closure] = []
        for line in declaration.children {
            if let child = line.children.first {
                error(.syntax, "schedule lines take no indented block", child.keyword.range)
            }
            switch line.keyword.text {
            case "open": if let range = resolveOpen(line) { open.append(range) }
            case "closed": if let closure = resolveClosed(line) { closed.append(closure) }
            default:
                let hint = Spelling.nearest(line.keyword.text, in: ["open", "closed"]).map { "did you mean `\($0)`? " } ?? ""
                error(.syntax, "a schedule holds `open` and `closed` lines, not `\(line.keyword.text)`", line.keyword.range,
                      help: "\(hint)write `open mon-fri 8:00-18:00` or `closed 2026-12-25`")
            }
        }
        guard zoneExists else { return nil }
        return NamedSchedule(name: name, range: declaration.arguments[0].range,
                             schedule: Schedule(timeZone: zone, open: open, closed: closed))
    }

    /// `open mon-fri sat 8:00-18:00`
    private mutating func resolveOpen(_ line: Statement) -> Schedule.Weekly? {
        guard line.arguments.count >= 2, let last = line.arguments.last else {
            error(.syntax, "`open` needs days and hours", line.range, help: "write `open mon-fri 8:00-18:00`")
            return nil
        }
        var days: [Int] = []
        for value in line.arguments.dropLast() {
            guard let more = weekdays(value) else { return nil }
            days += more
        }
        noOptions(line)
        guard let (from, to) = clockRange(last) else { return nil }
        return Schedule.Weekly(days: Array(Set(days)).sorted(), from: from, to: to)
    }

    /// `closed 2026-12-25 ["Christmas"]` or `closed 2026-12-24 12:00-24:00`
    private mutating func resolveClosed(_ line: Statement) -> Schedule.Closure? {
        var arguments = line.arguments
        var label: String?
        if let last = arguments.last, case .string(let text) = last.kind {
            label = text
            arguments.removeLast()
        }
        let everyYear = arguments.first.map { source.text($0.range) == "every" } ?? false
        if everyYear { arguments.removeFirst() }
        guard let first = arguments.first, arguments.count <= 2 else {
            error(.syntax, "`closed` needs a date", line.range,
                  help: "write `closed 2026-12-25 \"Christmas\"`, `closed 2026-12-24 12:00-24:00` or `closed every 12-25 \"Christmas\"`")
            return nil
        }
        let written = source.text(first.range)
        // Each year's month and day, checked in a leap year so that `every 02-29` exists.
        guard let date = CalendarDate.parse(everyYear ? "2000-" + written : written), !everyYear || written.count == 5 else {
            error(.schedule, "`\(written)` is not a date that exists", first.range,
                  help: everyYear ? "write the day of each year as MM-DD, e.g. `every 12-25`" : "write the day as YYYY-MM-DD, e.g. `2026-12-25`")
            return nil
        }
        noOptions(line)
        guard arguments.count == 2 else { return Schedule.Closure(date: date, from: nil, to: nil, everyYear: everyYear, label: label) }
        guard let (from, to) = clockRange(arguments[1]) else { return nil }
        guard to > from else {
            error(.schedule, "a closure ends on the day it starts", arguments[1].range,
                  help: "close until midnight with `24:00`, and close the next day on a line of its own")
            return nil
        }
        return Schedule.Closure(date: date, from: from, to: to, everyYear: everyYear, label: label)
    }

    private mutating func noOptions(_ line: Statement) {
        if let extra = line.options.first?.range ?? line.target?.range {
            error(.syntax, "schedule lines take no options or `->`", extra)
        }
    }

    /// `mon`, `sat`, `mon-fri` (wrapping: `fri-mon`), `daily`.
    private mutating func weekdays(_ value: Value) -> [Int]? {
        let text = value.text.lowercased()
        if text == "daily" { return Array(1...7) }
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let indices = ends.compactMap { Self.dayNames.firstIndex(of: $0) }
        guard (1...2).contains(ends.count), indices.count == ends.count else {
            let guess = String((ends.first { !Self.dayNames.contains($0) } ?? text).prefix(3))
            let near = Self.dayNames.contains(guess) ? guess : Spelling.nearest(guess, in: Self.dayNames)
            let hint = near.map { "did you mean `\($0)`? " } ?? ""
            error(.schedule, "`\(value.text)` is not a day or a range of days", value.range,
                  help: "\(hint)days are \(Self.dayNames.joined(separator: ", ")) or `daily`; a range is `mon-fri`")
            return nil
        }
        guard indices.count == 2 else { return [indices[0] + 1] }
        var days: [Int] = []
        var day = indices[0]
        while true {
            days.append(day + 1)
            if day == indices[1] { return days }
            day = (day + 1) % 7
        }
    }

    /// `8:00-18:00`; an end before the start runs past midnight.
    private mutating func clockRange(_ value: Value) -> (Int, Int)? {
        let ends = value.text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count == 2, let from = ClockTime.parse(ends[0]), let to = ClockTime.parse(ends[1]) else {
            error(.schedule, "`\(value.text)` is not a range of hours", value.range,
                  help: "write it as FROM-TO in 24-hour time, e.g. `8:00-18:00` or `22:00-6:00` (overnight)")
            return nil
        }
        guard from < ClockTime.endOfDay, from != to else {
            error(.schedule, from == to ? "`\(value.text)` is an empty range" : "a range cannot start at 24:00", value.range,
                  help: "write `0:00-24:00` for the whole day")
            return nil
        }
        return (from, to)
    }
}
