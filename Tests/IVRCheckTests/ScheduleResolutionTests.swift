import IVRBundle
import IVRCheck
import IVRLang
import Testing

/// `schedule` declarations and `hours` branches through the front end: what resolves, and a
/// located, helpful error for every malformed value.
@Suite struct ScheduleResolutionTests {
    static func flow(schedule: String, hours: String = "    hours office\n      on open -> desk\n      on closed -> desk") -> String {
        """
        flow line
          number +1-800-555-0157

        \(schedule)

          step start
        \(hours)

          step desk
            dial +1-555-010-0200
        """
    }

    func diagnostics(_ text: String) -> [Diagnostic] { RuleTesting.frontEndDiagnostics(text) }

    @Test func aScheduleResolvesWithItsBranches() throws {
        let text = Self.flow(schedule: "  schedule office \"Europe/Madrid\"\n    open mon-fri sat 9:00-14:00\n    closed 2026-12-25 \"Navidad\"")
        let result = Checker.check([SourceFile(path: "line.ivr", text: text)], rules: [])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        let flow = try #require(result.graph.flows.first)
        let office = try #require(flow.schedules.first)
        #expect(office.name == "office")
        #expect(office.schedule.open == [.init(days: [1, 2, 3, 4, 5, 6], from: 540, to: 840)])
        let exit = flow.exit(of: 0)
        #expect(exit.edges.map(\.label.description) == ["office open", "office closed"])
        #expect(!exit.fallsOffEnd)
    }

    /// `closed every 12-25`: the same month and day each year, `02-29` included.
    @Test func aRecurringClosureClosesTheDayEachYear() throws {
        let text = Self.flow(schedule: "  schedule office \"UTC\"\n    open daily 0:00-24:00\n    closed every 12-25 \"Christmas\"\n    closed every 02-29 12:00-24:00")
        let result = Checker.check([SourceFile(path: "line.ivr", text: text)], rules: [])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        let office = try #require(result.graph.flows.first?.schedules.first?.schedule)
        for (moment, open) in [("2026-12-25 10:00", false), ("2031-12-25 23:59", false), ("2026-12-24 10:00", true),
                               ("2028-02-29 13:00", false), ("2028-02-29 11:00", true)] {
            #expect(office.isOpen(at: try #require(CallMoment.parse(moment))) == open, "\(moment)")
        }
        // Written back with its label, as `ivrc import` writes it.
        #expect(office.lines == ["open daily 00:00-24:00", "closed every 12-25 \"Christmas\"", "closed every 02-29 12:00-24:00"])
    }

    static let malformed: [(String, String, String, Int)] = [
        ("  schedule office \"UTC\"\n    open mon 8:00-9:00\n    closed every 13-01", "schedule", "MM-DD", 6),
        ("  schedule office \"UTC\"\n    open mon 8:00-9:00\n    closed every 2026-12-25", "schedule", "MM-DD", 6),
        ("  schedule office \"America/Chicgo\"\n    open mon 8:00-9:00", "unknown-time-zone", "did you mean `America/Chicago`?", 4),
        ("  schedule office \"UTC\"\n    open monday 8:00-9:00", "schedule", "did you mean `mon`?", 5),
        ("  schedule office \"UTC\"\n    open mon 8:00-25:00", "schedule", "24-hour time", 5),
        ("  schedule office \"UTC\"\n    open mon 8:00-8:00", "schedule", "0:00-24:00", 5),
        ("  schedule office \"UTC\"\n    open mon 8:00-9:00\n    closed 2026-02-30", "schedule", "YYYY-MM-DD", 6),
        ("  schedule office \"UTC\"\n    open mon 8:00-9:00\n    closed 2026-12-24 18:00-12:00", "schedule", "24:00", 6),
        ("  schedule office \"UTC\"\n    open mon 8:00-9:00\n    lunch 12:00-13:00", "syntax", "write `open", 6),
        ("  schedule office America/Chicago\n    open mon 8:00-9:00", "syntax", "write `schedule office", 4),
    ]

    @Test(arguments: malformed)
    func malformedScheduleLines(_ schedule: String, _ id: String, _ help: String, _ line: Int) throws {
        let found = diagnostics(Self.flow(schedule: schedule))
        let diagnostic = try #require(found.first { $0.id == id && $0.help?.contains(help) == true },
                                      "\(RuleTesting.describe(found))")
        #expect(diagnostic.span.start.line == line)
    }

    /// An unknown zone does not hide the schedule's other mistakes: one run reports them all.
    @Test func anUnknownZoneAndABadLineAreBothReported() throws {
        let found = diagnostics(Self.flow(schedule: "  schedule office \"Mars/Olympus\"\n    open mon 8:00-25:00\n    closed 2026-02-30"))
        #expect(found.filter { $0.id == "unknown-time-zone" }.map(\.span.start.line) == [4])
        #expect(found.filter { $0.id == "schedule" }.map(\.span.start.line) == [5, 6], "\(RuleTesting.describe(found))")
    }

    @Test func anHoursBranchWithAnOptionIsRefusedNotIgnored() throws {
        let found = diagnostics(Self.flow(schedule: "  schedule office \"UTC\"\n    open mon 8:00-9:00",
                                          hours: "    hours office\n      on open language=es-MX -> desk\n      on closed -> desk"))
        let diagnostic = try #require(found.first { $0.id == "syntax" }, "\(RuleTesting.describe(found))")
        #expect(diagnostic.message == "an `hours` branch takes no options, and `language` would be ignored")
        #expect(diagnostic.help?.contains("`language TAG` in the step") == true)
    }

    @Test func hoursNamesADeclaredSchedule() throws {
        let found = diagnostics(Self.flow(schedule: "  schedule office \"UTC\"\n    open mon 8:00-9:00",
                                          hours: "    hours ofice\n      on open -> desk\n      on closed -> desk"))
        let diagnostic = try #require(found.first { $0.id == "undefined-schedule" })
        #expect(diagnostic.help?.contains("did you mean `office`?") == true)
    }

    @Test func hoursNeedsBothBranches() throws {
        let found = diagnostics(Self.flow(schedule: "  schedule office \"UTC\"\n    open mon 8:00-9:00",
                                          hours: "    hours office\n      on open -> desk"))
        #expect(found.contains { $0.message == "`hours office` has no `on closed` branch" }, "\(RuleTesting.describe(found))")
    }

    @Test func branchesMayBeBlocks() throws {
        let text = Self.flow(schedule: "  schedule office \"UTC\"\n    open mon 8:00-9:00",
                             hours: "    hours office\n      on open -> desk\n      on closed\n        say \"We are closed.\"\n        hangup")
        let result = Checker.check([SourceFile(path: "line.ivr", text: text)], rules: [])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        #expect(result.graph.flows.first?.steps.contains { $0.name == "start.closed" && $0.isAnonymous } == true)
    }
}
