import Foundation
@testable import IVRCallLog
import Testing

/// Lines grouped by CallSid whatever file, replica or order they come in.
@Suite struct CallGroupingTests {
    /// The issue's "done when": two replicas' logs give the same figures and plan table as one merged log.
    @Test func twoReplicasGiveTheSameReportAsOneMergedLog() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let lines = LogFixture.twoDays
        let merged = try fixture.file("merged.log", lines: lines)
        // Replica A takes every other line, replica B the rest, each written in reverse.
        let a = try fixture.file("a.log", lines: lines.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).reversed())
        let b = try fixture.file("b.log", lines: lines.enumerated().filter { $0.offset % 2 == 1 }.map(\.element).reversed())
        let one = try CallLog.report([merged])
        let two = try CallLog.report([b, a])
        #expect(one.flows == two.flows)
        #expect(one.unroutedCalls == two.unroutedCalls)
        #expect(one.input.requests == two.input.requests && two.input.files == 2)
        #expect(TextReportRenderer.render(one).components(separatedBy: "\ninput\n").first
            == TextReportRenderer.render(two).components(separatedBy: "\ninput\n").first)
    }

    @Test func callsReachedPersonEmergenciesAndWhereTheyEnded() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let report = try CallLog.report([try fixture.file("log", lines: LogFixture.twoDays)])
        let flow = try #require(report.flows.first)
        #expect(report.flows.map(\.flow) == ["dental_office"])
        #expect(report.unroutedCalls == 1)
        #expect(flow.days.map(\.day) == ["2026-12-01", "2026-12-02"])
        #expect(flow.total.calls == 4 && flow.total.reachedPerson == 2)
        #expect(flow.total.emergencyCalls == 2 && flow.total.emergencyReached == 1)
        #expect(flow.emergencyNotReached == [.init(callSid: "v3:night-emergency", day: "2026-12-01", outcome: "no-answer",
                                                   fallback: "after_hours", hangupSource: nil)])
        #expect(flow.endedAt.map { "\($0.name) \($0.calls)" } == ["goodbye 2", "desk 1", "voicemail 1"])
        #expect(flow.languages.map { "\($0.name) \($0.calls)" } == ["first language 3", "es-MX 1"])
        #expect(flow.total.requests == 16 && flow.total.errors == 1)
        let frontDesk = flow.branches.filter { $0.menu == "front_desk" }.map { "\($0.outcome) \($0.next) \($0.count)/\($0.ofMenu)" }
        #expect(frontDesk == ["key desk 1/3", "key emergency_line 1/3", "timeout desk 1/3"])
        #expect(flow.transitions.contains(.init(from: "emergency_line", to: "after_hours", calls: 1)))
        let plan = Dictionary(uniqueKeysWithValues: flow.indicators.map { ($0.name, $0.pass) })
        #expect(plan["emergency calls that reached a person"] == false)
        #expect(plan["error rate"] == false)
        #expect(plan["p95 response time"] == false)
        #expect(plan["lookups that succeeded"] == .some(nil))
        #expect(plan["calls on the quietest day"] == .some(nil))
    }

    /// A failed lookup and a failed dial share the name `failed`: a step whose lookups succeeded
    /// elsewhere in the log is a lookup.
    @Test func lookupFailuresAreToldFromDialFailures() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let line = LogFixture.line
        let lines = [
            line("2026-12-03T09:00:00.000Z", "v3:1", "entry", "check_record", nil, false, nil, 200, 1, "patient_intake"),
            line("2026-12-03T09:00:01.000Z", "v3:1", "route", "menu", "ok", false, nil, 200, 1, "patient_intake"),
            line("2026-12-03T09:01:00.000Z", "v3:2", "entry", "check_record", nil, false, nil, 200, 1, "patient_intake"),
            line("2026-12-03T09:01:01.000Z", "v3:2", "route", "sorry", "failed", false, nil, 200, 1, "patient_intake"),
            line("2026-12-03T09:02:00.000Z", "v3:3", "entry", "transfer", nil, false, nil, 200, 1, "patient_intake"),
            line("2026-12-03T09:02:01.000Z", "v3:3", "route", "sorry", "failed", false, nil, 200, 1, "patient_intake"),
        ]
        let flow = try #require(try CallLog.report([try fixture.file("log", lines: lines)]).flows.first)
        #expect(flow.total.lookups == 2 && flow.total.lookupFailures == 1)
        #expect(flow.indicators.first { $0.name == "lookups that succeeded" }?.pass == false)
        #expect(flow.total.reachedPerson == 0)
    }

    /// Without the bundle, a gather's `timeout` (at a step where input went on with `next` and
    /// no key was chosen) is no menu branch, and a value branch's lines are listed like a menu's.
    @Test func gatherTimeoutsAreNoMenuBranchAndValueBranchesAreListed() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let line = LogFixture.line
        let lines = [
            line("2026-12-03T09:00:00.000Z", "v3:1", "entry", "ask_id", nil, false, nil, 200, 1, "fleet"),
            line("2026-12-03T09:00:05.000Z", "v3:1", "route", "route_vehicle", "next", false, nil, 200, 1, "fleet"),
            line("2026-12-03T09:00:06.000Z", "v3:1", "route", "dispatch", "above", false, nil, 200, 1, "fleet"),
            line("2026-12-03T09:01:00.000Z", "v3:2", "entry", "ask_id", nil, false, nil, 200, 1, "fleet"),
            line("2026-12-03T09:01:09.000Z", "v3:2", "route", "operator", "timeout", false, nil, 200, 1, "fleet"),
            line("2026-12-03T09:02:00.000Z", "v3:3", "entry", "ask_id", nil, false, nil, 200, 1, "fleet"),
            line("2026-12-03T09:02:05.000Z", "v3:3", "route", "route_vehicle", "next", false, nil, 200, 1, "fleet"),
            line("2026-12-03T09:02:06.000Z", "v3:3", "route", "service", "other", false, nil, 200, 1, "fleet"),
        ]
        let flow = try #require(try CallLog.report([try fixture.file("log", lines: lines)]).flows.first)
        #expect(flow.branches.map { "\($0.menu): \($0.outcome) → \($0.next) \($0.count)/\($0.ofMenu)" }
                == ["route_vehicle: above → dispatch 1/2", "route_vehicle: other → service 1/2"])
    }

    /// The caller's number never reaches a report, even from a line that carries it.
    @Test func aNumberInALogLineNeverReachesTheReport() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let leaked = LogFixture.twoDays[0].replacingOccurrences(of: "{", with: #"{"From":"+13125550177","to":"+13125550140","#)
        let report = try CallLog.report([try fixture.file("log", lines: [leaked] + LogFixture.twoDays.dropFirst())])
        for text in [TextReportRenderer.render(report), MarkdownReportRenderer.render(report)] {
            #expect(!text.contains("5550177") && !text.contains("5550140"))
        }
    }
}
