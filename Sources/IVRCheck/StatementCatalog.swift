import TeXMLSchema

/// Every statement of the language and every element the TeXML schema knows, each with how
/// it is written or why it is not a statement: the text of `ivrc explain statements`. The
/// generic part is read from the schema, so a verb added to the XSD appears here by itself.
public enum StatementCatalog {
    public struct Entry: Sendable, Equatable {
        /// As written in a step (`say`, `start`), or the element's kebab-case name.
        public let name: String
        /// The TeXML element it is, or lowers to; nil when none.
        public let element: String?
        /// What it does, or why it cannot be written as a statement.
        public let summary: String
    }

    /// Statements with sugar of their own, in `StatementKeyword` order.
    public static let statements: [Entry] = StatementKeyword.allCases.map { keyword in
        switch keyword {
        case .say: Entry(name: "say \"TEXT\"", element: "Say", summary: "text to speech, in the flow's voice and language")
        case .disclose: Entry(name: "disclose \"TEXT\"", element: "Say", summary: "the recording disclosure: the only text `recording-disclosure` counts")
        case .play: Entry(name: "play URL", element: "Play", summary: "plays an audio file")
        case .pause: Entry(name: "pause 2s", element: "Pause", summary: "silence")
        case .menu: Entry(name: "menu", element: "Gather", summary: "prompts and `on KEY` branches; plays `tries` times (default 3), then `on timeout`")
        case .gather: Entry(name: "gather NAME … -> STEP", element: "Gather", summary: "collects keys or speech as {{NAME}} for the rest of the call; `on timeout -> STEP` for silence")
        case .record: Entry(name: "record … [-> STEP]", element: "Record", summary: "records the caller; the call goes on at STEP (or with the rest of the step)")
        case .dial: Entry(name: "dial TARGET … [-> STEP]", element: "Dial", summary: "calls numbers, SIP URIs, a queue or a conference; STEP runs when nobody answers")
        case .enqueue: Entry(name: "enqueue QUEUE [wait-url=STEP] [-> STEP]", element: "Enqueue", summary: "puts the caller in a queue with optional hold music; STEP runs when they leave it")
        case .leave: Entry(name: "leave", element: "Leave", summary: "leaves the queue (in hold music)")
        case .goto: Entry(name: "goto STEP", element: "Redirect", summary: "continues at another step (inlined when nothing else leads there)")
        case .redirect: Entry(name: "redirect URL", element: "Redirect", summary: "hands the call to TeXML outside the flow")
        case .refer: Entry(name: "refer sip:…", element: "Refer", summary: "transfers the call with a SIP REFER")
        case .hangup: Entry(name: "hangup", element: "Hangup", summary: "ends the call")
        case .reject: Entry(name: "reject", element: "Reject", summary: "refuses the call without answering")
        case .language: Entry(name: "language TAG", element: nil, summary: "the call speaks TAG (one of the flow's `languages`) from here on: every later step in its text and voice")
        case .hours: Entry(name: "hours SCHEDULE", element: "Redirect", summary: "`on open` / `on closed` branches, decided by the flow's `schedule` when the call arrives")
        case .branch: Entry(name: "branch {{NAME}}", element: "Redirect", summary: "`on \"TEXT\" …`, `on empty`, `on above N`, `on below N`, `on from N to M` and `on other` lines, the first the call's value matches taken, decided by the server per request")
        case .httpRequest: Entry(name: "http-request URL … -> STEP", element: "HttpRequest", summary: "asks an outside server (`header`, `body` lines); each `field NAME \"json.path\"` of its answer is {{NAME}} from STEP on")
        }
    }

    /// The schema's other verbs, written by their kebab-case name; their block holds the
    /// elements the schema nests in them, written the same way.
    public static var genericVerbs: [Entry] {
        let vocabulary = OptionBinder.vocabulary
        let covered = Set(statements.compactMap(\.element))
        return vocabulary.verbs.filter { !covered.contains($0) }.map { verb in
            let nested = vocabulary.element(named: verb)?.children.map(kebabCase) ?? []
            return Entry(name: kebabCase(verb), element: verb,
                         summary: nested.isEmpty ? "written by its name, with its options" : "holds \(nested.joined(separator: ", ")) in its block")
        }
    }

    /// Elements of the schema that are not statements, and TeXML verbs Telnyx documents
    /// that the schema does not model: why each cannot be written in a step.
    public static var notStatements: [Entry] {
        let vocabulary = OptionBinder.vocabulary
        let topLevel = Set(vocabulary.verbs + ["Response"])
        let nested = vocabulary.elements.keys.filter { !topLevel.contains($0) }.sorted()
        let parents = { (element: String) in
            vocabulary.verbs.filter { vocabulary.element(named: $0)?.children.contains(element) == true }.map(kebabCase)
        }
        return nested.map { element in
            let inside = parents(element)
            let summary = inside == ["dial"] || inside == ["dial", "refer"]
                ? "a dial target: list it under `dial` (`\(kebabCase(element)) …`)"
                : "TeXML nests it only inside \(inside.map { "`\($0)`" }.joined(separator: " or ")): write it in that block"
            return Entry(name: kebabCase(element), element: element, summary: summary)
        } + unmodelled.map { verb in
            Entry(name: kebabCase(verb), element: nil,
                  summary: "Telnyx documents <\(verb)>, but ivrc's TeXML schema does not model it (its attributes are unverified), so the compiler could not check it; host that TeXML yourself and `redirect` to it")
        }
    }

    /// Verbs in Telnyx's TeXML documentation (developers.telnyx.com, texml-verbs) that
    /// `texml.xsd` leaves out until their attributes are verified there.
    static let unmodelled = ["AIGather", "Siprec"]
}
