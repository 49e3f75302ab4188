import Foundation
import IVRBundle
import IVRLang

extension DiagnosticID {
    public static let unknownPlaceholder = DiagnosticID(
        "unknown-placeholder",
        summary: "`{{placeholders}}` name a request parameter, or a gather every path to them has passed",
        explanation: """
            `ivrc serve` (and `ivrc test`, `ivrc simulate`) fill `{{Name}}` when a document is \
            requested: from the parameters of that request (`{{Digits}}`, `{{SpeechResult}}`, \
            `{{DialCallStatus}}`, …), from the first request of the call (`{{From}}`, `{{To}}`, \
            `{{CallSid}}`), and from what a `gather NAME` collected earlier in the call (`{{NAME}}`). \
            A gathered name may be used only where every path from the start of the call has \
            collected it: a caller who enters nothing at the gather (its `on timeout`, or the \
            step after it when it has none), a menu key that skips it, or an `hours` branch \
            that goes round it would reach the text with nothing to put there. An `http-request` \
            field counts once the server has answered with it; a failed lookup (`on failure`, or \
            the step after the request when it has none) carries only the fields with a \
            `default=`. A `branch {{NAME}}` reads its value like text does. The note shows \
            one such path. Anything else is a misspelling. Names are case-sensitive. The rule \
            looks at say and disclose text (menu and gather prompts included), play and \
            redirect URLs and dial targets.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say "Hello, caller from {{↓Form}}."
                dial +1-555-010-0200
            """,
            """
            flow extensions
              number +1-800-555-0157

              step start
                gather ext num-digits=3 -> connect
                  say "Enter the extension."

              step connect
                dial sip:{{↓ext}}@pbx.example.com
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                say "Hello, caller from {{From}}."
                gather member_id num-digits=8 -> lookup
                  say "Enter your member number."
                  on timeout -> operator

              step lookup
                say "You entered {{member_id}}."
                dial +1-555-010-0200

              step operator
                dial +1-555-010-0200
            """,
        ])
}

/// Mustache placeholders name a value the request provides, or one that every path to them
/// has gathered.
public struct UnknownPlaceholderRule: Rule {
    public init() {}

    /// Parameters Telnyx sends with its TeXML requests: what the runtime fills a placeholder with.
    public static let requestParameters = TelnyxRequestParameters.names

    public let description = RuleDescription(.unknownPlaceholder)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap(check)
    }

    private func check(_ flow: Flow) -> [Diagnostic] {
        let collected = collectedNames(in: flow)
        let gathers = Set(flow.steps.flatMap(\.actions).flatMap { action -> [String] in
            switch action.kind {
            case .gather(let gather): [gather.variable]
            case .httpRequest(let request): request.fields.map(\.name)
            default: []
            }
        })
        var findings: [Diagnostic] = []
        for step in flow.steps.indices {
            guard let known = collected[step] else { continue }
            let actions = flow.steps[step].actions
            for index in flow.exit(of: step).reached {
                for (text, range) in Self.texts(of: actions[index]) {
                    var written: [String: Int]?
                    for name in Placeholder.names(in: text) where !Self.requestParameters.contains(name) && !known.contains(name) {
                        let locations = written ?? Self.firstOffsets(in: flow.text(range))
                        written = locations
                        let at = span(of: name, in: range, written: locations, flow)
                        if gathers.contains(name) {
                            findings.append(uncollected(name, at: at, step: step, in: flow))
                            continue
                        }
                        let candidates = Self.requestParameters.union(gathers)
                        let hint = Spelling.nearest(name, in: candidates.sorted()).map { "did you mean `{{\($0)}}`? " } ?? ""
                        findings.append(finding(
                            "`{{\(name)}}` names nothing the call provides here; the caller would hear nothing in its place",
                            at: at,
                            help: "\(hint)placeholders are Telnyx request parameters such as {{From}} or {{Digits}}, "
                                + "or the name of a `gather` that runs before this"))
                    }
                }
            }
        }
        return findings
    }

    /// A gathered name used where some path has not collected it, with one such path as the note.
    private func uncollected(_ name: String, at span: SourceSpan, step: Int, in flow: Flow) -> Diagnostic {
        let isField = flow.steps.flatMap(\.actions).contains { action in
            if case .httpRequest(let request) = action.kind { request.fields.contains { $0.name == name } } else { false }
        }
        let help = isField
            ? "collect `\(name)` on every path to here: give `field \(name)` a `default=\"…\"`, or its `http-request` an "
                + "`on failure -> STEP` that does not lead here"
            : "collect `\(name)` on every path to here: give its `gather` an `on timeout -> STEP` that does not lead here, "
                + "or collect it on the path the note shows"
        let message = "`{{\(name)}}` is used where not every call has collected it"
        guard let path = pathMissing(name, to: step, in: flow) else { return finding(message, at: span, help: help) }
        let root = flow.steps[path.root].displayName
        let note: Diagnostic.Note
        if let last = path.hops.last {
            let hops = path.hops.map { "by \($0.label) to \(flow.steps[$0.target].displayName)" }
            note = .init("reached from \(root) \(hops.joined(separator: ", then ")), without anything collecting `\(name)`",
                         at: flow.span(last.range))
        } else {
            note = .init("the call starts at \(root) and gets here before anything collects `\(name)`", at: flow.span(flow.steps[path.root].range))
        }
        return finding(message, at: span, help: help, notes: [note])
    }

    /// For each step a call can begin at or reach, the names collected on EVERY path to it: a
    /// must-analysis, the intersection over incoming edges, iterated to a fixed point. A
    /// `gathered` edge adds its gather's name; every other edge (the gather's timeout, menu
    /// keys, hours branches, dial fallbacks) carries only what its step had.
    private func collectedNames(in flow: Flow) -> [Int: Set<String>] {
        var names: [Int: Set<String>] = [:]
        var work: [Int] = []
        for entry in flow.entryPoints() {
            names[entry] = []
            work.append(entry)
        }
        while let step = work.popLast() {
            for edge in flow.exit(of: step).edges {
                let carried = (names[step] ?? []).union(Self.collected(by: edge, in: flow, from: step))
                let before = names[edge.target]
                let after = before.map { $0.intersection(carried) } ?? carried
                if before != after {
                    names[edge.target] = after
                    work.append(edge.target)
                }
            }
        }
        return names
    }

    /// The names an edge collects: a gather's on its `gathered` edge, an http-request's fields
    /// once the server answered.
    private static func collected(by edge: Edge, in flow: Flow, from step: Int) -> Set<String> {
        switch (edge.label, flow.steps[step].actions[edge.action].kind) {
        case (.gathered, .gather(let gather)): [gather.variable]
        case (.responded, .httpRequest(let request)): Set(request.fields.map(\.name))
        case (.lookupFailed, .httpRequest(let request)): Set(request.fields.filter { $0.defaultValue != nil }.map(\.name))
        default: []
        }
    }

    /// A shortest path from where a call begins to `step` that never collects `name`.
    private func pathMissing(_ name: String, to step: Int, in flow: Flow) -> (root: Int, hops: [Edge])? {
        let entries = flow.entryPoints()
        if entries.contains(step) { return (step, []) }
        var cameFrom: [Int: (from: Int, edge: Edge)] = [:]
        var seen = Set(entries)
        var queue = entries
        var cursor = 0
        while cursor < queue.count, cameFrom[step] == nil {
            let current = queue[cursor]
            cursor += 1
            for edge in flow.exit(of: current).edges where !Self.collected(by: edge, in: flow, from: current).contains(name) {
                guard seen.insert(edge.target).inserted else { continue }
                cameFrom[edge.target] = (current, edge)
                queue.append(edge.target)
            }
        }
        guard cameFrom[step] != nil else { return nil }
        var hops: [Edge] = []
        var current = step
        while let hop = cameFrom[current] {
            hops.append(hop.edge)
            current = hop.from
        }
        return (current, hops.reversed())
    }

    /// Text and URLs of an action (and of a menu's or gather's prompts), with where they were written.
    private static func texts(of action: Action) -> [(String, SourceRange)] {
        switch action.kind {
        case .say(let text, _, _, let translations):
            [(text, action.range)] + translations.sorted { $0.key < $1.key }.map { ($0.value, action.translationRanges[$0.key] ?? action.range) }
        case .play(let url, _), .redirect(let url, _): [(url, action.range)]
        case .dial(let targets, _, _): targets.map { ($0.value, $0.range) }
        case .httpRequest(let request): ([request.url] + request.headers.map(\.value) + [request.body].compactMap { $0 }).map { ($0, action.range) }
        case .menu(let menu): menu.prompts.flatMap(texts)
        case .gather(let gather): gather.prompts.flatMap(texts)
        case .branch(let branch): [("{{\(branch.value)}}", branch.valueRange)]
        default: []
        }
    }

    /// Where each placeholder name first appears in the statement's source text, found in one
    /// pass (a say holding a hundred thousand placeholders must not be rescanned for each).
    private static func firstOffsets(in written: String) -> [String: Int] {
        var offsets: [String: Int] = [:]
        for case .placeholder(let name, _, let range) in Placeholder.pieces(in: written) where offsets[name] == nil {
            offsets[name] = range.lowerBound
        }
        return offsets
    }

    /// The placeholder as written in the source, if it can be found in the statement; else the statement.
    private func span(of name: String, in range: SourceRange, written: [String: Int], _ flow: Flow) -> SourceSpan {
        guard let offset = written[name] else { return flow.span(range) }
        return flow.span(SourceRange(range.start + offset, range.start + offset + name.utf8.count))
    }
}
