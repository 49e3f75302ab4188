import IVRCheck
import Testing

@Suite struct ConstantScheduleRuleTests {
    let rule = ConstantScheduleRule()

    static func flow(_ lines: String) -> String {
        ScheduleResolutionTests.flow(schedule: "  schedule office \"UTC\"\n" + lines)
    }

    @Test func neverOpen() throws {
        let finding = try #require(RuleTesting.findings(rule, Self.flow("    closed 2026-12-25")).first)
        #expect(finding.message == "schedule `office` is never open: every call takes `on closed`")
        #expect(finding.span.start.line == 4)
        #expect(finding.severity == .warning)
    }

    @Test func openAroundTheClockWithoutClosures() throws {
        let findings = RuleTesting.findings(rule, Self.flow("    open mon-thu 0:00-24:00\n    open fri-sun 0:00-24:00"))
        #expect(findings.map(\.message) == ["schedule `office` is open around the clock: no call takes `on closed`"])
    }

    @Test func overnightRangesThatCoverTheWeekCount() {
        #expect(RuleTesting.findings(rule, Self.flow("    open daily 12:00-11:59")).isEmpty)
        #expect(RuleTesting.findings(rule, Self.flow("    open daily 6:00-6:01\n    open daily 6:01-6:00")).count == 1)
    }

    @Test func aClosureMakesTheClockRealAgain() {
        #expect(RuleTesting.findings(rule, Self.flow("    open daily 0:00-24:00\n    closed 2026-12-25")).isEmpty)
    }
}
