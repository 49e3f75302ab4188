@testable import IVRCallLog
import Testing

@Suite struct TimeWindowTests {
    @Test func logTimesAndDaysParseAsUTC() {
        #expect(LogTime.parse("1970-01-01T00:00:00.000Z")?.milliseconds == 0)
        #expect(LogTime.parse("2026-11-27T10:41:46.123Z")?.milliseconds == 1_795_776_106_123)
        #expect(LogTime.parse("2026-11-27T10:41:46Z")?.milliseconds == 1_795_776_106_000)
        #expect(LogTime.parse("2024-02-29")?.day == "2024-02-29")
        #expect(LogTime.parse("2026-11-27T23:59:59.999Z")?.day == "2026-11-27")
        for bad in ["2026-02-30", "2026-13-01", "2026-11-27T25:00:00Z", "2026-11-27 10:00", "yesterday", "", "2026-11-27T10:41:46.Z"] {
            #expect(LogTime.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func aBareDayCoversTheWholeDay() throws {
        let window = try TimeWindow(from: "2026-12-01", to: "2026-12-01")
        #expect(window.contains(try #require(LogTime.parse("2026-12-01T00:00:00Z"))))
        #expect(window.contains(try #require(LogTime.parse("2026-12-01T23:59:59.999Z"))))
        #expect(!window.contains(try #require(LogTime.parse("2026-12-02T00:00:00Z"))))
        #expect(!window.contains(try #require(LogTime.parse("2026-11-30T23:59:59.999Z"))))
    }

    @Test func fromAfterToIsRefusedNamingBoth() {
        #expect(throws: TimeWindow.Failure(description:
            "--from 2026-12-07 is not before --to 2026-12-01: nothing lies between them; swap them, or widen the window")) {
            try TimeWindow(from: "2026-12-07", to: "2026-12-01")
        }
        #expect(throws: TimeWindow.Failure.self) { try TimeWindow(from: "2026-12-01T10:00:00Z", to: "2026-12-01T10:00:00Z") }
        #expect(throws: TimeWindow.Failure(description:
            "--to monday: not a day (2026-12-01) or a UTC moment (2026-12-01T08:00:00Z)")) { try TimeWindow(from: nil, to: "monday") }
    }

    @Test func linesOutsideTheWindowAreCountedNotReported() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let report = try CallLog.report([try fixture.file("log", lines: LogFixture.twoDays)],
                                        window: try TimeWindow(from: "2026-12-02", to: nil))
        #expect(report.flows.first?.days.map(\.day) == ["2026-12-02"])
        #expect(report.input.outsideWindow == 9)
        #expect(TextReportRenderer.render(report).hasPrefix("ivrc report from 2026-12-02\n"))
    }
}
