import IVRLang

extension DiagnosticID {
    public static let recordingDisclosure = DiagnosticID(
        "recording-disclosure",
        summary: "nothing records the caller before they have heard a recording disclosure",
        explanation: """
            Callers must be told a call is recorded before the recording starts. This rule follows \
            every path a call can take from the first step, through menu keys, branch blocks, gotos \
            and dial fallbacks, and from every step nothing in the flow leads to (an outside URL, \
            such as an hours service, can send a call straight there), and reports any `record`, \
            `dial record=…` (other than do-not-record) or capturing verb (`start`, `stream`, `siprec`, `transcription`) that some path reaches \
            without passing a `disclose` first. In a flow with `languages`, the notice must have been \
            heard in the language the call speaks when the recording starts: a `disclose` heard in \
            English before the caller chose Spanish does not count on the Spanish path, and one \
            without Spanish text is not heard in Spanish; one spoken in Spanish \
            (`disclose "…" language=es-MX`) counts for the Spanish path wherever the call heard it, \
            before the language choice too (the usual bilingual greeting). A `say` does not count, even if it mentions \
            recording: only `disclose` does, so the notice cannot be edited away by accident. The \
            note shows one path that gets there undisclosed; put the `disclose` on that path, \
            usually at the top of the first step.
            """,
        reported: [
            """
            flow intake
              number +1-800-555-0157

              step welcome
                say "After the beep, state your name."
                ↓record max=60s beep
            """,
            """
            flow intake
              number +1-800-555-0157

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
                ↓record max=60s beep
            """,
            """
            flow intake
              number +1-800-555-0157

              step open
                disclose "This call is being recorded."
                dial +1-555-010-0200 record=record-from-answer

              step closed
                say "We are closed. Leave a message after the beep."
                ↓record max=60s beep
            """,
            """
            flow intake
              number +1-800-555-0157
              languages en-US es-MX

              step welcome
                disclose "This call is being recorded."
                menu
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> message
                  on 2 language=es-MX -> message

              step message
                say "Leave a message after the beep."
                  es-MX "Deje un mensaje después del tono."
                ↓record max=60s beep
            """,
        ],
        notReported: [
            """
            flow intake
              number +1-800-555-0157
              languages en-US es-MX

              step welcome
                disclose "This call is being recorded."
                disclose "Esta llamada está siendo grabada." language=es-MX
                menu
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> message
                  on 2 language=es-MX -> message

              step message
                say "Leave a message after the beep."
                  es-MX "Deje un mensaje después del tono."
                record max=60s beep
            """,
            """
            flow intake
              number +1-800-555-0157

              step welcome
                disclose "This call is being recorded."
                say "After the beep, state your name."
                record max=60s beep
            """,
            """
            flow intake
              number +1-800-555-0157

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
            """
            flow intake
              number +1-800-555-0157
              languages en-US es-MX

              step welcome
                menu
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> message
                  on 2 language=es-MX -> message

              step message
                disclose "This call is being recorded."
                  es-MX "Esta llamada está siendo grabada."
                record max=60s beep
            """,
        ])
}

/// No path from the entry, or from a step a call can only be sent to from outside, reaches a
/// recording before a `disclose` heard in the call's language at that point. Proved by a
/// breadth-first walk over (step, language, languages the notice was heard in) states, so
/// the path kept for the note is a shortest one; a flow with one language has two states a step.
public struct RecordingDisclosureRule: Rule {
    public init() {}

    public let description = RuleDescription(.recordingDisclosure)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap(check)
    }

    private struct State: Hashable {
        let step: Int
        let language: String?
        /// The languages the caller has heard a disclosure in so far.
        let heard: Set<String?>
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
        var visited: Set<Int> = []
        for root in entryPoints + Array(flow.steps.indices) where !visited.contains(root) {
            let start = State(step: root, language: flow.startLanguage, heard: [])
            seen.insert(start)
            var queue = [start]
            var cursor = 0
            while cursor < queue.count {
                let state = queue[cursor]
                cursor += 1
                visited.insert(state.step)
                let exit = flow.exit(of: state.step)
                var heard = state.heard
                var language = state.language
                var heardAt: [Int: Set<String?>] = [:]
                for index in exit.reached {
                    let action = flow.steps[state.step].actions[index]
                    if case .language(let chosen) = action.kind { language = chosen }
                    if action.discloses(in: language, of: flow) { heard.insert(language) }
                    // `disclose "…" language=es-MX` is heard in Spanish wherever it plays, before the choice too.
                    if let spoken = action.disclosureLanguage { heard.insert(spoken) }
                    heardAt[index] = heard
                    if !heard.contains(language), action.isRecording,
                       reported.insert(ActionID(step: state.step, action: index)).inserted {
                        findings.append(report(action, in: flow, language: language, heard: heard,
                                               path: path(to: state, cameFrom), entryPoints: entryPoints))
                    }
                }
                // An edge carries the state at the action it leaves from (hold music leaves
                // mid-step; every other edge from the action that ends the step).
                for edge in exit.edges {
                    let next = State(step: edge.target, language: flow.language(after: edge, from: state.step, enteredIn: state.language),
                                     heard: heardAt[edge.action] ?? heard)
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

    private func report(_ action: Action, in flow: Flow, language: String?, heard: Set<String?>,
                        path: (root: Int, hops: [Hop]), entryPoints: [Int]) -> Diagnostic {
        let what = action.keyword == "dial" ? "this `dial` records the call" : "`\(action.keyword)` starts recording"
        // A call that heard the notice, but in another language than it speaks now.
        let heardElsewhere = heard.compactMap { $0 }.sorted()
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
            let hops = path.hops.map { hop in
                let switched = hop.edge.language.map { " (the call now speaks \($0))" } ?? ""
                return "by \(hop.edge.label)\(switched) to \(flow.steps[hop.edge.target].displayName)"
            }
            let disclosed = heardElsewhere.isEmpty ? "no `disclose`" : "no `disclose` in \(language ?? "")"
            note = .init("reached from \(start) \(hops.joined(separator: ", then ")), with \(disclosed) on the way",
                         at: flow.span(last.edge.range))
        } else {
            note = .init("the call starts at \(start) and runs straight to it with no `disclose` first",
                         at: flow.span(root.range))
        }
        if let language, !heardElsewhere.isEmpty {
            return finding(
                "\(what) before the caller has heard a recording disclosure in \(language), the language the call speaks here (only in \(heardElsewhere.joined(separator: ", ")))",
                at: flow.span(action.range),
                help: "give the `disclose` a \(language) line (`\(language) \"…\"`) and play it after the language is chosen, on every path that leads here",
                notes: [note])
        }
        return finding(
            "\(what) before the caller has heard a recording disclosure", at: flow.span(action.range),
            help: "add `disclose \"This call is being recorded.\"` before it, on every path that leads here",
            notes: [note])
    }
}
