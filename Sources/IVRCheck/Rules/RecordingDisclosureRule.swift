import IVRLang

/// No path from the entry, or from a step a call can only be sent to from outside, reaches a
/// recording before a `disclose`. Proved by a breadth-first walk over (step, disclosed yet?)
/// states, so each step is visited at most twice and the path kept for the note is a shortest one.
public struct RecordingDisclosureRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "recording-disclosure",
        severity: .error,
        summary: "nothing records the caller before they have heard a recording disclosure",
        explanation: """
            Callers must be told a call is recorded before the recording starts. This rule follows \
            every path a call can take from the first step, through menu keys, branch blocks, gotos \
            and dial fallbacks, and from every step nothing in the flow leads to (an outside URL, \
            such as an hours service, can send a call straight there), and reports any `record`, \
            `dial record=…` (other than do-not-record) or capturing verb (`start`, `stream`, `siprec`, `transcription`) that some path reaches \
            without passing a `disclose` first. A `say` does not count, even if it mentions \
            recording: only `disclose` does, so the notice cannot be edited away by accident. The \
            note shows one path that gets there undisclosed; put the `disclose` on that path, \
            usually at the top of the first step.
            """,
        failing: [
            """
            flow intake
              number +1-800-596-3057

              step welcome
                say "After the beep, state your name."
                record max=60s beep
            """,
            """
            flow intake
              number +1-800-596-3057

              step welcome
                menu timeout=5s
                  say "For registration, press 1. For the front desk, press 2."
                  on 1 -> registration
                  on 2
                    disclose "This call is being recorded."
                    dial +1-555-010-0200 record=record-from-answer
                  on timeout -> welcome
                  on invalid -> welcome

              step registration
                say "After the beep, state your name."
                record max=60s beep
            """,
            """
            flow intake
              number +1-800-596-3057

              step open
                disclose "This call is being recorded."
                dial +1-555-010-0200 record=record-from-answer

              step closed
                say "We are closed. Leave a message after the beep."
                record max=60s beep
            """,
        ],
        passing: [
            """
            flow intake
              number +1-800-596-3057

              step welcome
                disclose "This call is being recorded."
                say "After the beep, state your name."
                record max=60s beep
            """,
            """
            flow intake
              number +1-800-596-3057

              step welcome
                menu timeout=5s
                  disclose "This call is being recorded."
                  say "For registration, press 1. For the front desk, press 2."
                  on 1 -> registration
                  on 2
                    dial +1-555-010-0200 record=record-from-answer
                  on timeout -> welcome
                  on invalid -> welcome

              step registration
                say "After the beep, state your name."
                record max=60s beep
            """,
        ])

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap(check)
    }

    private struct State: Hashable {
        let step: Int
        let disclosed: Bool
    }

    private struct Hop {
        let from: State
        let edge: Edge
    }

    private struct ActionID: Hashable {
        let step: Int
        let action: Int
    }

    private func check(_ flow: Flow) -> [Diagnostic] {
        guard !flow.steps.isEmpty else { return [] }
        var cameFrom: [State: Hop] = [:]
        var seen: Set<State> = []
        var reported: Set<ActionID> = []
        var findings: [Diagnostic] = []
        // The entry first, then every step a call can be sent to from outside, then whatever
        // is left (a circle of steps nothing leads into): a step that exists is checked.
        let entryPoints = flow.entryPoints()
        let visited = { (step: Int) in seen.contains(State(step: step, disclosed: false)) || seen.contains(State(step: step, disclosed: true)) }
        for root in entryPoints + Array(flow.steps.indices) where !visited(root) {
            let start = State(step: root, disclosed: false)
            seen.insert(start)
            var queue = [start]
            var cursor = 0
            while cursor < queue.count {
                let state = queue[cursor]
                cursor += 1
                let exit = flow.exit(of: state.step)
                var disclosed = state.disclosed
                var disclosedAt: [Int: Bool] = [:]
                for index in exit.reached {
                    let action = flow.steps[state.step].actions[index]
                    disclosed = disclosed || action.discloses
                    disclosedAt[index] = disclosed
                    if !disclosed, action.isRecording, reported.insert(ActionID(step: state.step, action: index)).inserted {
                        findings.append(report(action, in: flow, path: path(to: state, cameFrom), entryPoints: entryPoints))
                    }
                }
                // An edge carries the state at the action it leaves from (hold music leaves
                // mid-step; every other edge from the action that ends the step).
                for edge in exit.edges {
                    let next = State(step: edge.target, disclosed: disclosedAt[edge.action] ?? disclosed)
                    if seen.insert(next).inserted {
                        cameFrom[next] = Hop(from: state, edge: edge)
                        queue.append(next)
                    }
                }
            }
        }
        return findings
    }

    /// The hops from the walk's root to `state`, and that root.
    private func path(to state: State, _ cameFrom: [State: Hop]) -> (root: Int, hops: [Hop]) {
        var hops: [Hop] = []
        var current = state
        while let hop = cameFrom[current] {
            hops.append(hop)
            current = hop.from
        }
        return (current.step, hops.reversed())
    }

    private func report(_ action: Action, in flow: Flow, path: (root: Int, hops: [Hop]), entryPoints: [Int]) -> Diagnostic {
        let what = action.keyword == "dial" ? "this `dial` records the call" : "`\(action.keyword)` starts recording"
        let root = flow.steps[path.root]
        let start = switch path.root {
        case 0: root.displayName
        case _ where entryPoints.contains(path.root):
            "\(root.displayName) (nothing in the flow leads there, so a call arrives from outside)"
        default:
            "\(root.displayName) (the entry never leads there, so a call arrives from outside)"
        }
        let note: Diagnostic.Note
        if let last = path.hops.last {
            let hops = path.hops.map { "by \($0.edge.label) to \(flow.steps[$0.edge.target].displayName)" }
            note = .init("reached from \(start) \(hops.joined(separator: ", then ")), with no `disclose` on the way",
                         at: flow.span(last.edge.range))
        } else {
            note = .init("the call starts at \(start) and runs straight to it with no `disclose` first",
                         at: flow.span(root.range))
        }
        return finding(
            "\(what) before the caller has heard a recording disclosure", at: flow.span(action.range),
            help: "add `disclose \"This call is being recorded.\"` before it, on every path that leads here",
            notes: [note])
    }
}
