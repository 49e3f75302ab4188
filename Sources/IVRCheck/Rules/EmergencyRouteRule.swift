import IVRLang

extension DiagnosticID {
    public static let emergencyRoute = DiagnosticID(
        "emergency-route",
        summary: "healthcare and fleet flows mark an emergency step",
        explanation: """
            A patient line or a driver line has to get a caller in trouble to a person quickly, \
            and the checker can only prove that if it knows which step does it. Mark that step \
            with `emergency` (`step urgent emergency`); `emergency-reachable` then proves every \
            menu reaches it with one key and `emergency-live-dial` proves it rings a person with \
            a fallback. The rule applies to flows with `industry healthcare` or `industry fleet`.
            """,
        reported: [
            """
            flow ↓driver_line
              number +1-888-555-0162
              industry fleet

              step start
                disclose "This call may be recorded."
                dial +1-555-020-0400 timeout=30s
            """,
        ],
        notReported: [
            """
            flow driver_line
              number +1-888-555-0162
              industry fleet

              step dispatch emergency
                dial +1-555-020-0911 timeout=15s -> backup

              step backup
                dial +1-555-020-0912 timeout=20s
            """,
            """
            flow general_line
              number +1-212-555-0100

              step start
                dial +1-212-555-0111
            """,
        ])
}

/// Healthcare and fleet lines must mark the step that gets a caller to help at once.
public struct EmergencyRouteRule: Rule {
    public init() {}

    public let description = RuleDescription(.emergencyRoute, industries: [.healthcare, .fleet])

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.filter { description.applies(to: $0) && $0.emergencyStep == nil }.map { flow in
            finding("\(flow.industry.rawValue) flow `\(flow.name)` has no emergency step", at: flow.span(flow.nameRange),
                    help: "mark the step that reaches a person at once with `emergency`, e.g. `step urgent emergency`")
        }
    }
}
