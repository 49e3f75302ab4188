import IVRLang

extension DiagnosticID {
    public static let emergencyLiveDial = DiagnosticID(
        "emergency-live-dial",
        summary: "the emergency step dials a person first, with a fallback when nobody answers",
        explanation: """
            The emergency step has one job: ring a person. Following its gotos, the first thing \
            that connects the call must be a `dial` to a phone number or SIP endpoint, not a \
            recording, a queue, a menu, a redirect or a hangup. And that dial needs a fallback, \
            because the nurse or dispatcher may be busy: `-> STEP` on the dial (a backup line, \
            then voicemail), or statements after it in the step that route the call on. A message \
            followed by `hangup` is not a fallback. Applies to healthcare and fleet flows.
            """,
        reported: [
            """
            flow driver_line
              number +1-888-555-0162
              industry fleet

              step dispatch emergency
                ↓dial +1-555-020-0911 timeout=15s
            """,
            """
            flow driver_line
              number +1-888-555-0162
              industry fleet

              step dispatch emergency
                say "Please hold for the next dispatcher."
                ↓enqueue dispatch
            """,
        ],
        notReported: [
            """
            flow driver_line
              number +1-888-555-0162
              industry fleet

              step dispatch emergency
                say "Connecting you to dispatch."
                dial +1-555-020-0911 timeout=15s -> backup

              step backup
                dial +1-555-020-0912 timeout=20s
            """,
            """
            flow driver_line
              number +1-888-555-0162
              industry fleet

              step dispatch emergency
                goto dispatch_line

              step dispatch_line
                dial sip:dispatch@fleet.example.com timeout=15s
                dial +1-555-020-0912 timeout=20s
            """,
        ])
}

/// The emergency step rings a person first, and has somewhere to go if nobody answers.
public struct EmergencyLiveDialRule: Rule {
    public init() {}

    public let description = RuleDescription(.emergencyLiveDial, industries: [.healthcare, .fleet])

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.filter(description.applies).compactMap(check)
    }

    private func check(_ flow: Flow) -> Diagnostic? {
        guard let emergency = flow.emergencyStep else { return nil }
        let name = flow.steps[emergency].name
        var step = emergency
        var seen: Set<Int> = []
        while seen.insert(step).inserted {
            let exit = flow.exit(of: step)
            let actions = flow.steps[step].actions
            var next: Int?
            for index in exit.reached {
                let action = actions[index]
                switch action.kind {
                case .say, .play, .pause, .verb:
                    continue
                case .goto(let target):
                    next = target
                case .dial(let targets, _, let fallback) where targets.contains(where: \.isLive):
                    if fallback != nil || actions[(index + 1)..<exit.reached.upperBound].contains(where: \.routesCall) {
                        return nil
                    }
                    return finding(
                        "if nobody answers this emergency dial, the call just ends", at: flow.span(action.range),
                        help: "add `-> STEP` to the dial: a backup line, then voicemail")
                case .dial:
                    return finding(
                        "the emergency step `\(name)` rings a queue or conference before it dials a person",
                        at: flow.span(action.range),
                        help: "dial the on-call line first (`dial +1-… -> backup`); queue the call only after that")
                default:
                    return finding(
                        "the emergency step `\(name)` reaches `\(action.keyword)` before it dials a person",
                        at: flow.span(action.range),
                        help: "dial the on-call line first (`dial +1-… -> backup`); queue, record or hang up only after that")
                }
            }
            guard let next else { break }
            step = next
        }
        return finding("the emergency step `\(name)` never dials anyone", at: flow.span(flow.steps[emergency].range),
                       help: "start it with `dial +1-… -> backup` to the on-call line")
    }
}

extension Action {
    /// Whether this action sends the call on somewhere (so it can serve as a dial's fallback).
    fileprivate var routesCall: Bool {
        switch kind {
        case .dial, .goto, .menu, .gather, .record, .enqueue, .redirect, .refer: true
        default: false
        }
    }
}
