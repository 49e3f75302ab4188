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
                    var written: [String: Int]?
                    for name in Self.placeholders(in: text) where !Self.requestParameters.contains(name) && !known.contains(name) {
                        let locations = written ?? Self.firstOffsets(in: flow.text(range))
                        written = locations
                        let candidates = Self.requestParameters.union(known)
                        let hint = Spelling.nearest(name, in: candidates.sorted()).map { "did you mean `{{\($0)}}`? " } ?? ""
                        findings.append(finding(
                            "`{{\(name)}}` names nothing the call provides here; the caller would hear nothing in its place",
                            at: span(of: name, in: range, written: locations, flow),
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
        occurrences(in: text).map(\.name)
    }

    /// Every placeholder with the UTF-8 offset of its name in `text`, found in one pass
    /// (a say holding a hundred thousand placeholders must not be rescanned for each).
    private static func occurrences(in text: String) -> [(name: String, offset: Int)] {
        let bytes = Array(text.utf8)
        let brace = UInt8(ascii: "{"), closing = UInt8(ascii: "}")
        let sigils = Set("#^/&{ ".utf8)
        var found: [(name: String, offset: Int)] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == brace, bytes[index + 1] == brace else {
                index += 1
                continue
            }
            var nameStart = index + 2
            var close = nameStart
            while close + 1 < bytes.count, !(bytes[close] == closing && bytes[close + 1] == closing) { close += 1 }
            guard close + 1 < bytes.count else { break }
            while nameStart < close, sigils.contains(bytes[nameStart]) { nameStart += 1 }
            var nameEnd = close
            while nameEnd > nameStart, bytes[nameEnd - 1] == UInt8(ascii: " ") { nameEnd -= 1 }
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            if !name.isEmpty && !name.hasPrefix("!") { found.append((name, nameStart)) }
            index = close + 2
        }
        return found
    }

    /// Where each placeholder name first appears in the statement's source text.
    private static func firstOffsets(in written: String) -> [String: Int] {
        var offsets: [String: Int] = [:]
        for (name, offset) in occurrences(in: written) where offsets[name] == nil { offsets[name] = offset }
        return offsets
    }

    /// The placeholder as written in the source, if it can be found in the statement; else the statement.
    private func span(of name: String, in range: SourceRange, written: [String: Int], _ flow: Flow) -> SourceSpan {
        guard let offset = written[name] else { return flow.span(range) }
        return flow.span(SourceRange(range.start + offset, range.start + offset + name.utf8.count))
    }
}
