import IVRLang

extension DiagnosticID {
    public static let dialLoopback = DiagnosticID(
        "dial-loopback",
        summary: "no dial, refer or redirect target is the flow's own inbound number",
        explanation: """
            Dialling the number a flow answers on does not reach a person: the call rings back \
            into the same flow, which answers it and starts again, tying up lines until someone \
            hangs up. This happens when a template's placeholder number is left in, or the main \
            number is typed where the desk's direct line was meant. The rule compares every dial \
            target, the user part of every `sip:` target and `refer`, and every `tel:` redirect \
            with the flow's `number`, ignoring dashes, spaces and the `+`. Dial the person's direct \
            line or extension instead.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial ↓+1-800-555-0157 timeout=30s
            """,
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial timeout=30s
                  number +1-555-010-0200
                  ↓sip sip:+18005550157@carrier.example.com
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 timeout=30s
            """,
        ])
}

/// A flow never dials, refers or redirects to the number it answers on.
public struct DialLoopbackRule: Rule {
    public init() {}

    public let description = RuleDescription(.dialLoopback)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap(check)
    }

    private func check(_ flow: Flow) -> [Diagnostic] {
        guard let own = flow.number, let ownDigits = PhoneNumber.digits(own) else { return [] }
        var findings: [Diagnostic] = []
        func report(_ what: String, _ range: SourceRange) {
            var notes: [Diagnostic.Note] = []
            if let numberRange = flow.numberRange {
                notes.append(.init("`\(flow.name)` answers \(own) here", at: flow.span(numberRange)))
            }
            findings.append(finding(
                "\(what) the number `\(flow.name)` itself answers on", at: flow.span(range),
                help: "this dials the number the flow answers on; the call would ring back into this line. "
                    + "Dial the person's direct line instead",
                notes: notes))
        }
        for step in flow.steps {
            for action in step.actions {
                switch action.kind {
                case .dial(let targets, _, _):
                    for target in targets {
                        let digits: String? = switch target.kind {
                        case .number: PhoneNumber.digits(target.value)
                        case .sip: PhoneNumber.digits(ofSIP: target.value)
                        case .queue, .conference: nil
                        }
                        if digits == ownDigits { report("`\(target.value)` is", target.range) }
                    }
                case .refer(let target, _) where PhoneNumber.digits(ofSIP: target) == ownDigits:
                    report("`refer \(target)` goes to", action.range)
                case .redirect(let url, _) where PhoneNumber.digits(ofTel: url) == ownDigits:
                    report("`redirect \(url)` goes to", action.range)
                default:
                    continue
                }
            }
        }
        return findings
    }
}
