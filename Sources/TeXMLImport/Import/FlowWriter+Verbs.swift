import Foundation
import IVRCheck
import IVRLang
import TeXMLSchema

extension FlowWriter {
    /// Writes `verbs` as statements. A verb after which TeXML runs nothing more in the document
    /// (a menu, a redirect, a hangup, a verb that hands the call to its action) ends the step;
    /// verbs left after it could never run and are only mentioned in a comment.
    mutating func writeVerbs(_ verbs: [XMLElement], in path: String, indent: Int) {
        var index = 0
        while index < verbs.count {
            let verb = verbs[index]
            index += 1
            switch writeVerb(verb, following: verbs[index...], in: path, indent: indent) {
            case .continues(let consumed):
                index += consumed
            case .ends(let consumed):
                let rest = verbs[(index + consumed)...].map { "<\($0.name)>" }
                if !rest.isEmpty {
                    comment("never run in TeXML (after <\(verb.name)>): \(rest.joined(separator: ", "))", indent: indent)
                }
                return
            }
        }
    }

    /// Writes one verb; says how many of the following verbs it used as well, and whether the step ends.
    private mutating func writeVerb(_ verb: XMLElement, following: ArraySlice<XMLElement>, in path: String, indent: Int) -> VerbOutcome {
        let text = verb.text
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch verb.name {
        case "Say":
            if !verb.elements.isEmpty {
                let names = verb.elements.map { "<\($0.name)>" }.joined(separator: ", ")
                lossy(verb, "\(names) inside <Say>; only the text around them is kept", in: path, indent: indent)
            }
            let keyword = RecordingMention.discloses(text) ? "disclose" : "say"
            let options = options(of: verb, in: path, indent: indent)
            statement("\(keyword) \(StringLiteral.quote(text))\(options)", indent: indent)
        case "Play" where IVRText.isURLToken(trimmed):
            statement("play \(trimmed)\(options(of: verb, in: path, indent: indent))", indent: indent)
        case "Pause":
            let length = verb.attribute("length").flatMap(Int.init).map { " \($0)s" } ?? ""
            let options = options(of: verb, skipping: length.isEmpty ? [] : ["length"], in: path, indent: indent)
            statement("pause\(length)\(options)", indent: indent)
        case "Gather":
            return writeGather(verb, following: following, in: path, indent: indent)
        case "Record":
            return writeRecord(verb, in: path, indent: indent)
        case "Dial":
            return writeDial(verb, in: path, indent: indent)
        case "Enqueue" where Parser.isIdentifierText(trimmed):
            return writeEnqueue(verb, queue: trimmed, in: path, indent: indent)
        case "Leave":
            statement("leave\(options(of: verb, in: path, indent: indent))", indent: indent)
        case "Hangup":
            statement("hangup", indent: indent)
            return .ends(consumed: 0)
        case "Reject":
            statement("reject\(options(of: verb, in: path, indent: indent))", indent: indent)
            return .ends(consumed: 0)
        case "Redirect":
            if let route = options.context.routes[path], route.kind == .hours, let open = route.open, let closed = route.closed,
               let schedule = route.schedule?.split(separator: "/").last {
                // A bundle's `hours`: the document asks its own route, which the server decides by the clock.
                statement("hours \(schedule)", indent: indent)
                statement("on open -> \(stepName(open))", indent: indent + 2)
                statement("on closed -> \(stepName(closed))", indent: indent + 2)
            } else if let route = options.context.routes[path], route.kind == .branch, let value = route.value,
                      let decisions = route.decisions, decisions.last?.when == .other {
                // A bundle's `branch`: the document asks its own route, which the server decides by the call's value.
                statement("branch {{\(value)}}", indent: indent)
                for decision in decisions { statement("on \(decision.when.spelling) -> \(stepName(decision.next))", indent: indent + 2) }
            } else if let target = links.document(for: trimmed, from: path) {
                if verb.attribute("method") != nil { comment("the redirect's method=\(verb.attribute("method")!) is dropped: `goto` fetches the step the application's way", indent: indent) }
                statement("goto \(stepName(target))", indent: indent)
            } else if IVRText.isURLToken(trimmed) {
                statement("redirect \(trimmed)\(options(of: verb, in: path, indent: indent))", indent: indent)
            } else {
                lossy(verb, "<Redirect> to \(trimmed) (not a URL ivrc can write)", in: path, indent: indent)
            }
            return .ends(consumed: 0)
        case "HttpRequest":
            if let outcome = writeHTTPRequest(verb, following: following, in: path, indent: indent) { return outcome }
            writeOtherVerb(verb, in: path, indent: indent)
        case "Refer" where verb.elements.count == 1 && verb.elements[0].name == "Sip"
            && IVRText.isSIPToken(verb.elements[0].text.trimmingCharacters(in: .whitespacesAndNewlines)):
            let sip = verb.elements[0].text.trimmingCharacters(in: .whitespacesAndNewlines)
            statement("refer \(sip)\(options(of: verb, in: path, indent: indent))", indent: indent)
        default:
            writeOtherVerb(verb, in: path, indent: indent)
        }
        return .continues(consumed: 0)
    }

    /// Verbs without sugar are written by their kebab-case name, with their text as a string.
    private mutating func writeOtherVerb(_ verb: XMLElement, in path: String, indent: Int) {
        guard TeXMLVocabulary.shared.verbs.contains(verb.name), !["Say", "Play", "Enqueue", "Refer"].contains(verb.name) else {
            if let entry = TwiMLOnlyVocabulary.elements[verb.name] {
                lossy(verb, "<\(verb.name)> is TwiML-only (\(entry.note))", in: path, indent: indent)
            } else {
                lossy(verb, "<\(verb.name)> is not a TeXML verb ivrc can write here", in: path, indent: indent)
            }
            return
        }
        writeElement(verb, in: path, indent: indent)
    }

    /// An element by its kebab-case name, with the elements nested in it as an indented block
    /// (`<Start><Stream url=…/></Start>` → `start` / `stream url=…`).
    private mutating func writeElement(_ element: XMLElement, in path: String, indent: Int) {
        let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let argument = text.isEmpty ? "" : " " + StringLiteral.quote(text)
        statement("\(kebabCase(element.name))\(argument)\(options(of: element, in: path, indent: indent))", indent: indent)
        for child in element.elements { writeElement(child, in: path, indent: indent + 2) }
    }

    mutating func lossy(_ verb: XMLElement, _ what: String, in path: String, indent: Int) {
        comment("not imported: \(what)", indent: indent)
        warn("not imported: \(what)", at: path, line: verb.line)
    }

    // MARK: Record

    private mutating func writeRecord(_ verb: XMLElement, in path: String, indent: Int) -> VerbOutcome {
        for nested in verb.elements {
            let said = nested.name == "Say" ? " \(StringLiteral.quote(nested.text))" : ""
            lossy(nested, "<\(nested.name)>\(said) nested in <Record> (TeXML allows nothing inside <Record>; move it before)",
                  in: path, indent: indent)
        }
        let options = options(of: verb, in: path, indent: indent)
        switch links.actionTarget(of: verb, from: path, context: self.options.context) {
        case .route(let route):
            guard let next = route.next else { statement("record\(options)", indent: indent); return .continues(consumed: 0) }
            statement("record\(options) -> \(stepName(next))", indent: indent)
        case .document(let target):
            statement("record\(options) -> \(stepName(target))", indent: indent)
        case .external(let url):
            comment("the recording went to \(url); the step below redirects there (the recording URL is not passed on)", indent: indent)
            statement("record\(options) -> \(externalStep(url))", indent: indent)
        case .none:
            comment("<Record> had no action: TeXML re-requested this document after recording (a call loop); ivrc continues below", indent: indent)
            warn("<Record> has no action; the imported flow continues with the next statement instead of looping", at: path, line: verb.line)
            statement("record\(options)", indent: indent)
            return .continues(consumed: 0)
        }
        return .ends(consumed: 0)
    }

    // MARK: Enqueue

    /// A `waitUrl` naming a given document becomes `wait-url=STEP`, the action `-> STEP`.
    private mutating func writeEnqueue(_ verb: XMLElement, queue: String, in path: String, indent: Int) -> VerbOutcome {
        let hold = verb.attribute("waitUrl").flatMap { links.document(for: $0, from: path) }
        var written = "enqueue \(queue)" + options(of: verb, skipping: hold == nil ? [] : ["waitUrl"], in: path, indent: indent)
        if let hold { written += " wait-url=\(stepName(hold))" }
        switch links.actionTarget(of: verb, from: path, context: self.options.context) {
        case .route(let route):
            guard let next = route.next else { break }
            statement(written + " -> \(stepName(next))", indent: indent)
            return .ends(consumed: 0)
        case .document(let target):
            statement(written + " -> \(stepName(target))", indent: indent)
            return .ends(consumed: 0)
        case .external(let url):
            comment("when the caller left the queue, TeXML requested \(url); the step below redirects there", indent: indent)
            statement(written + " -> \(externalStep(url))", indent: indent)
            return .ends(consumed: 0)
        case .none:
            break
        }
        statement(written, indent: indent)
        return .continues(consumed: 0)
    }

    // MARK: Dial

    private mutating func writeDial(_ verb: XMLElement, in path: String, indent: Int) -> VerbOutcome {
        let dialIndex = dialsWritten[path, default: 0]
        dialsWritten[path] = dialIndex + 1
        var targets: [(noun: String, value: String, options: String)] = []
        let text = verb.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if verb.elements.isEmpty, IVRText.isPhoneToken(text) || IVRText.isSIPToken(text) {
            targets.append((IVRText.isPhoneToken(text) ? "number" : "sip", text, ""))
        }
        for noun in verb.elements {
            let value = noun.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let written: String? = switch noun.name {
            case "Number" where IVRText.isPhoneToken(value) || Self.isValueNumber(value): value
            case "Sip" where IVRText.isSIPToken(value): value
            case "Queue", "Conference": Parser.isIdentifierText(value) ? value : StringLiteral.quote(value)
            default: nil
            }
            guard let written else {
                lossy(noun, "<\(noun.name)>\(value) in <Dial> (not a target ivrc can dial)", in: path, indent: indent)
                continue
            }
            targets.append((noun.name.lowercased(), written, options(of: noun, in: path, indent: indent + 2)))
        }
        // `dial` needs someone to call: without a target it cannot be written at all.
        guard !targets.isEmpty else {
            lossy(verb, "<Dial> without a target ivrc can dial", in: path, indent: indent)
            return .continues(consumed: 0)
        }
        var options = options(of: verb, in: path, indent: indent)
        // The bound the bundle recorded (`allow=` or the flow's `dial-prefixes`), kept as the dial's own.
        let prefixes = self.options.context.dialPrefixes[path].flatMap { dialIndex < $0.count ? $0[dialIndex] : nil } ?? []
        if !prefixes.isEmpty, targets.contains(where: { $0.noun == "number" && Self.isValueNumber($0.value) }) {
            options += " allow=" + prefixes.joined(separator: ",")
        }
        var arrow = ""
        var endsStep = false
        switch links.actionTarget(of: verb, from: path, context: self.options.context) {
        case .route(let route):
            if let next = route.next { arrow = " -> \(stepName(next))"; endsStep = true }
        case .document(let target):
            comment("TeXML requested \(Self.baseName(target)) after every dial; ivrc goes there only when the call is not answered", indent: indent)
            arrow = " -> \(stepName(target))"
            endsStep = true
        case .external(let url):
            comment("after the dial, TeXML requested \(url); the step below redirects there when the call is not answered", indent: indent)
            arrow = " -> \(externalStep(url))"
            endsStep = true
        case .none:
            break
        }
        if targets.count == 1, targets[0].options.isEmpty, targets[0].noun != "conference" || Parser.isIdentifierText(targets[0].value) {
            let target = targets[0]
            let prefix = target.noun == "queue" || target.noun == "conference" ? "\(target.noun) " : ""
            statement("dial \(prefix)\(target.value)\(options)\(arrow)", indent: indent)
        } else {
            statement("dial\(options)\(arrow)", indent: indent)
            for target in targets { statement("\(target.noun) \(target.value)\(target.options)", indent: indent + 2) }
        }
        return endsStep ? .ends(consumed: 0) : .continues(consumed: 0)
    }
}

/// What writing one verb did to the step.
enum VerbOutcome {
    /// Go on with the verbs after the `consumed` ones this verb used.
    case continues(consumed: Int)
    /// TeXML runs nothing after this verb (and the `consumed` ones it used) in the document.
    case ends(consumed: Int)
}

extension FlowWriter {
    /// A number filled from a value: `{{callback}}`, or digits after a written country code (`+1{{local}}`).
    static func isValueNumber(_ text: String) -> Bool {
        guard let open = text.range(of: "{{") else { return false }
        let prefix = text[..<open.lowerBound]
        return Placeholder.isPlaceholder(String(text[open.lowerBound...]))
            && (prefix.isEmpty || IVRText.isPhoneToken(String(prefix)))
    }
}

extension Parser {
    /// A name the lexer reads back as one word.
    static func isIdentifierText(_ text: String) -> Bool { isIdentifier(text) && !text.hasSuffix("-") }
}
