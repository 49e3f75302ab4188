import Foundation
import IVRBundle
import Testing

/// Opening hours decided at a moment: weekdays, overnight ranges, closures, and the two
/// daylight-saving days of America/New_York in 2026 (8 March, 1 November).
@Suite struct ScheduleTests {
    let office = Schedule(
        timeZone: "America/New_York",
        open: [.init(days: [1, 2, 3, 4, 5], from: 8 * 60, to: 18 * 60),
               .init(days: [5], from: 22 * 60, to: 2 * 60),
               .init(days: [7], from: 60, to: 3 * 60)],
        closed: [.init(date: CalendarDate(year: 2026, month: 12, day: 25), from: nil, to: nil),
                 .init(date: CalendarDate(year: 2026, month: 12, day: 24), from: 12 * 60, to: 24 * 60)])

    func wall(_ text: String) throws -> CallMoment { try #require(CallMoment.parse(text)) }

    @Test func weekdayHours() throws {
        #expect(office.isOpen(at: try wall("2026-12-22 08:00")))   // Tuesday, opening minute
        #expect(office.isOpen(at: try wall("2026-12-22 17:59")))
        #expect(!office.isOpen(at: try wall("2026-12-22 18:00")))  // closing minute is closed
        #expect(!office.isOpen(at: try wall("2026-12-22 07:59")))
        #expect(!office.isOpen(at: try wall("2026-12-26 10:00")))  // Saturday
    }

    @Test func overnightRangesRunIntoTheNextDay() throws {
        #expect(office.isOpen(at: try wall("2026-12-18 23:30")))   // Friday night
        #expect(office.isOpen(at: try wall("2026-12-19 01:59")))   // early Saturday
        #expect(!office.isOpen(at: try wall("2026-12-19 02:00")))
        #expect(!office.isOpen(at: try wall("2026-12-17 23:30")))  // Thursday night is not open
    }

    @Test func closuresWinOverOpeningHours() throws {
        #expect(!office.isOpen(at: try wall("2026-12-25 10:00")))  // Christmas, a Friday
        #expect(office.isOpen(at: try wall("2026-12-24 11:59")))   // Christmas Eve morning
        #expect(!office.isOpen(at: try wall("2026-12-24 12:00")))
    }

    @Test func instantsAreReadInTheSchedulesZone() throws {
        // 14:00 UTC on a Tuesday in December is 09:00 in New York.
        #expect(office.isOpen(at: try #require(CallMoment.parse("2026-12-22T14:00:00Z"))))
        #expect(!office.isOpen(at: try #require(CallMoment.parse("2026-12-22T12:59:00Z"))))
        #expect(office.isOpen(at: try #require(CallMoment.parse("2026-12-22T09:30:00-05:00"))))
    }

    @Test func springForwardDay() throws {
        // Sunday 8 March 2026: 02:00 EST becomes 03:00 EDT. Open Sunday 01:00-03:00 local.
        #expect(office.isOpen(at: try #require(CallMoment.parse("2026-03-08T06:30:00Z"))))   // 01:30 EST
        #expect(!office.isOpen(at: try #require(CallMoment.parse("2026-03-08T07:00:00Z"))))  // 03:00 EDT
        // The same UTC time a week earlier is still 02:00 EST, inside the range.
        #expect(office.isOpen(at: try #require(CallMoment.parse("2026-03-01T07:00:00Z"))))
    }

    @Test func fallBackDay() throws {
        // Sunday 1 November 2026: 02:00 EDT becomes 01:00 EST, so 01:00-02:00 happens twice.
        #expect(office.isOpen(at: try #require(CallMoment.parse("2026-11-01T05:30:00Z"))))   // 01:30 EDT
        #expect(office.isOpen(at: try #require(CallMoment.parse("2026-11-01T06:30:00Z"))))   // 01:30 EST
        #expect(!office.isOpen(at: try #require(CallMoment.parse("2026-11-01T08:00:00Z"))))  // 03:00 EST
    }

    @Test func momentsAndDatesThatDoNotExist() {
        #expect(CallMoment.parse("2026-02-30 10:00") == nil)
        #expect(CallMoment.parse("2026-13-01 10:00") == nil)
        #expect(CallMoment.parse("2026-12-25 24:00") == nil)
        #expect(CallMoment.parse("2026-12-25 9:60") == nil)
        #expect(CallMoment.parse("2026-12-25") == nil)
        #expect(CallMoment.parse("tomorrow 10:00") == nil)
        #expect(CalendarDate.parse("2028-02-29") != nil)
        #expect(CalendarDate.parse("2026-02-29") == nil)
        #expect(ClockTime.parse("24:00") == 1440)
        #expect(ClockTime.parse("24:01") == nil)
        #expect(ClockTime.parse("８:00") == nil)
    }

    @Test func minutesOfTheWeekWrapFromSundayToMonday() {
        let lateSunday = Schedule(timeZone: "UTC", open: [.init(days: [7], from: 23 * 60, to: 60)], closed: [])
        #expect(lateSunday.openIntervalsOfWeek == [0..<60, (7 * 1440 - 60)..<(7 * 1440)])
        let overlapping = Schedule(timeZone: "UTC", open: [.init(days: [1], from: 60, to: 180), .init(days: [1], from: 120, to: 240)],
                                   closed: [])
        #expect(overlapping.openIntervalsOfWeek == [60..<240])
    }
}
