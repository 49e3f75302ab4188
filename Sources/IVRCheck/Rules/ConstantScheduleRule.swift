import IVRBundle
import IVRLang

extension DiagnosticID {
    public static let constantSchedule = DiagnosticID(
        "constant-schedule", .warning,
        summary: "every schedule can be both open and closed",
        explanation: """
            `hours NAME` sends the call to `on open` or `on closed` by the schedule's opening \
            hours. A schedule with no `open` lines is never open, so every caller hears the closed \
            branch, even at noon on a Tuesday; one open every hour of the week with no `closed` \
            dates never sends anyone to the closed branch. Both usually mean a line was left out \
            or a range was mistyped (`8:00-8:00`).
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule ↓office "America/New_York"
                open daily 0:00-24:00

              step start
                hours office
                  on open -> desk
                  on closed -> desk

              step desk
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              schedule office "America/New_York"
                open mon-fri 8:00-18:00
                closed 2026-12-25

              step start
                hours office
                  on open -> desk
                  on closed -> desk

              step desk
                dial +1-555-010-0200
            """,
        ])
}

/// A schedule that is never open, or open around the clock with no closures, decides nothing:
/// one of its `hours` branches can never run.
public struct ConstantScheduleRule: Rule {
    public init() {}

    public let description = RuleDescription(.constantSchedule)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap { flow in
            flow.schedules.compactMap { named -> Diagnostic? in
                let open = named.schedule.openIntervalsOfWeek.reduce(0) { $0 + $1.count }
                if open == 0 {
                    return finding("schedule `\(named.name)` is never open: every call takes `on closed`",
                                   at: flow.span(named.range), help: "add its hours, e.g. `open mon-fri 8:00-18:00`")
                }
                if open == 7 * ClockTime.endOfDay && named.schedule.closed.isEmpty {
                    return finding("schedule `\(named.name)` is open around the clock: no call takes `on closed`",
                                   at: flow.span(named.range),
                                   help: "give its real hours, or add the days it closes (`closed 2026-12-25`)")
                }
                return nil
            }
        }
    }
}
