import Foundation
import IVRLang

/// Mustache placeholders name a value the request or an earlier `gather` provides.
public struct UnknownPlaceholderRule: Rule {
    public init() {}

    /// Parameters Telnyx sends with its TeXML requests (call, gather, dial and recording
    /// callbacks), per the Telnyx TeXML webhook reference. Mustache names are case-sensitive.
    static let requestParameters: Set<String> = [
        "AccountSid", "ApiVersion", "CallSid", "CallSidLegacy", "CallSessionId", "CallLegId", "CallControlId",
        "ConnectionId", "From", "To", "CallerId", "CallerName", "CallStatus", "Direction", "ParentCallSid",
        "CallDuration", "Digits", "SpeechResult", "Confidence", "DialCallStatus", "DialCallSid",
        "DialCallDuration", "RecordingUrl", "RecordingSid", "RecordingDuration", "RecordingStatus",
        "RecordingChannels", "RecordingSource", "TranscriptionText", "QueueSid", "QueueResult", "QueueTime",
        "HangupCause", "HangupSource",
    ]

    public let description = RuleDescription(
        id: "unknown-placeholder",
        severity: .warning,
        summary: "`{{placeholders}}` name a request parameter or an earlier gather",
        explanation: """
            Telnyx fills `{{Name}}` in TeXML from the parameters of the request that fetched the \
            document (`{{From}}`, `{{To}}`, `{{CallSid}}`, `{{Digits}}`, `{{SpeechResult}}`, \
            `{{DialCallStatus}}`, `{{RecordingUrl}}`, …) and, in ivrc, from the value of a \
            `gather NAME` on the way to that statement. Anything else is replaced by nothing, so \
            the caller hears a sentence with a hole in it. Names are case-sensitive. The rule \
            looks at the text of say and disclose (menu and gather prompts included) and at play \
            and redirect URLs in code a call can reach; a gathered name counts if some path from \
            the first step passes that gather before the placeholder.
            """,
        failing: [
            """
            flow front_desk
              number +1-800-596-3057

              step start
                say "Hello, caller from {{Form}}."
                dial +1-555-010-0200
            """,
        ],
        passing: [
            """
            flow front_desk
              number +1-800-596-3057

              step start
                say "Hello, caller from {{From}}."
                gather member_id num-digits=8 -> lookup
                  say "Enter your member number."

              step lookup
                say "You entered {{member_id}}."
                dial +1-555-010-0200
            """,
        ])

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap(check)
    }

    private func check(_ flow: Flow) -> [Diagnostic] {
        let gathered = gatheredNames(in: flow)
        var findings: [Diagnostic] = []
        for step in flow.steps.indices {
            guard let known = gathered[step] else { continue }
            let actions = flow.steps[step].actions
            for index in flow.exit(of: step).reached {
                for (text, range) in Self.texts(of: actions[index]) {
                    for name in Self.placeholders(in: text) where !Self.requestParameters.contains(name) && !known.contains(name) {
                        let candidates = Self.requestParameters.union(known)
                        let hint = Spelling.nearest(name, in: candidates.sorted()).map { "did you mean `{{\($0)}}`? " } ?? ""
                        findings.append(finding(
                            "`{{\(name)}}` names nothing the call provides here; the caller would hear nothing in its place",
                            at: span(of: name, in: range, flow),
                            help: "\(hint)placeholders are Telnyx request parameters such as {{From}} or {{Digits}}, "
                                + "or the name of a `gather` that runs before this"))
                    }
                }
            }
        }
        return findings
    }

    /// For each reachable step, the names gathered on some path from the entry to it
    /// (a may-analysis: union over incoming edges, iterated to a fixed point).
    private func gatheredNames(in flow: Flow) -> [Int: Set<String>] {
        guard !flow.steps.isEmpty else { return [:] }
        var names: [Int: Set<String>] = [0: []]
        var work = [0]
        while let step = work.popLast() {
            let exit = flow.exit(of: step)
            for edge in exit.edges {
                var carried = names[step] ?? []
                if edge.label == .gathered, case .gather(let gather) = flow.steps[step].actions[edge.action].kind {
                    carried.insert(gather.variable)
                }
                let before = names[edge.target]
                let after = (before ?? []).union(carried)
                if before != after {
                    names[edge.target] = after
                    work.append(edge.target)
                }
            }
        }
        return names
    }

    /// Text and URLs of an action (and of a menu's or gather's prompts), with where they were written.
    private static func texts(of action: Action) -> [(String, SourceRange)] {
        switch action.kind {
        case .say(let text, _, _): [(text, action.range)]
        case .play(let url, _), .redirect(let url, _): [(url, action.range)]
        case .menu(let menu): menu.prompts.flatMap(texts)
        case .gather(let gather): gather.prompts.flatMap(texts)
        default: []
        }
    }

    /// Names inside `{{…}}`: sigils of sections and unescaped forms (`#`, `^`, `/`, `&`, `{`)
    /// are dropped, comments (`{{! …}}`) skipped.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let inner = rest[open.upperBound..<close.lowerBound].drop { "#^/&{".contains($0) }
                .trimmingCharacters(in: .whitespaces)
            if !inner.isEmpty && !inner.hasPrefix("!") { names.append(inner) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// The placeholder as written in the source, if it can be found in the statement; else the statement.
    private func span(of name: String, in range: SourceRange, _ flow: Flow) -> SourceSpan {
        let written = flow.source.text(range)
        for opening in ["{{", "{{ ", "{{{", "{{& "] {
            guard let found = written.range(of: opening + name) else { continue }
            let start = range.start + written.utf8.distance(from: written.startIndex, to: found.lowerBound) + opening.utf8.count
            return flow.source.span(start, start + name.utf8.count)
        }
        return flow.span(range)
    }
}
