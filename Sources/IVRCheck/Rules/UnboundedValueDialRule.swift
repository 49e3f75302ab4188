import IVRLang

extension DiagnosticID {
    public static let unboundedValueDial = DiagnosticID(
        "unbounded-value-dial", .warning,
        summary: "a number filled from a call value is bounded to E.164 prefixes (an error in healthcare and fleet)",
        explanation: """
            `dial {{callback}}` dials whatever the caller typed, and `dial {{From}}` whatever caller \
            ID reached the line, which anyone can spoof: premium numbers (+1-900), satellite \
            networks (+882), Caribbean one-ring scams (+1-876) — classic toll and callback fraud, \
            billed to the line. The server checks that a filled number is E.164, but not where it \
            leads. Bound it: `allow=+1,+44` on the dial, `dial-prefixes +1 +44` in the flow for \
            every value dial, or a country code written before the value (`dial +1{{callback}}`). \
            A filled number outside its bound is refused at answer time: the caller hears an \
            apology and the dial's no-answer branch runs. Restrict the Telnyx outbound voice \
            profile's allowed destinations as well, so a bound left out costs nothing. A warning, \
            and an error for healthcare and fleet lines.
            """,
        reported: [
            """
            flow callback
              number +1-800-555-0157

              step start
                say "We will call you back."
                dial ↓{{From}}
            """,
            """
            flow callback
              number +1-800-555-0157

              step start
                gather callback num-digits=10 -> ring
                  say "Enter your ten-digit number."
                  on timeout -> start

              step ring
                dial ↓{{callback}} timeout=20s
            """,
        ],
        notReported: [
            """
            flow callback
              number +1-800-555-0157

              step start
                say "We will call you back."
                dial {{From}} allow=+1,+44
            """,
            """
            flow callback
              number +1-800-555-0157
              dial-prefixes +1

              step start
                say "We will call you back."
                dial {{From}}
            """,
            """
            flow callback
              number +1-800-555-0157

              step start
                gather callback num-digits=10 -> ring
                  say "Enter your ten-digit number."
                  on timeout -> start

              step ring
                dial +1{{callback}} timeout=20s
            """,
        ])
}

/// A number filled from a call value is dialled only within E.164 prefixes the flow names.
public struct UnboundedValueDialRule: Rule {
    public init() {}

    /// Industries where an unbounded value dial is an error, not a warning: a healthcare or
    /// fleet line's outbound minutes are billed to a practice or a dispatcher, not the caller.
    static let strictIndustries: Set<Industry> = [.healthcare, .fleet]

    public let description = RuleDescription(.unboundedValueDial)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap(check)
    }

    private func check(_ flow: Flow) -> [Diagnostic] {
        let severity: Severity = Self.strictIndustries.contains(flow.industry) ? .error : .warning
        var findings: [Diagnostic] = []
        for step in flow.steps {
            for action in step.actions {
                guard case .dial(let targets, _, _) = action.kind else { continue }
                for target in targets where target.isValueNumber && !target.isBounded {
                    findings.append(finding(
                        "`\(target.value)` dials any number the call puts there, in any country",
                        at: flow.span(target.range),
                        help: "bound it: `allow=+1,+44` on the dial, `dial-prefixes +1 +44` in the flow, or a country code "
                            + "before a typed value (`dial +1{{callback}}`); and restrict the allowed destinations of the Telnyx "
                            + "outbound voice profile the line uses").with(severity: severity))
                }
            }
        }
        return findings
    }
}
