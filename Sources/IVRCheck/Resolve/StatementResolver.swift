import Foundation
import IVRLang
import TeXMLSchema

/// Statement keywords with sugar of their own; any other TeXML verb is written by its
/// kebab-case name and checked against the vocabulary.
public enum StatementKeyword: String, CaseIterable, Sendable {
    case say, disclose, play, pause, menu, gather, record, dial, enqueue, leave, goto, redirect, refer, hangup, reject, hours, branch, language
    case httpRequest = "http-request"

    /// Statements whose `-> STEP` says where the call goes on; on any other it is an error.
    static let continuing: [StatementKeyword] = [.gather, .record, .dial, .enqueue, .httpRequest]
}

extension FlowResolver {
    mutating func resolveBlock(_ body: [Statement], in stepName: String) -> [Action] {
        body.compactMap { resolveStatement($0, in: stepName) }
    }

    private mutating func resolveStatement(_ statement: Statement, in stepName: String) -> Action? {
        let keyword = statement.keyword.text
        guard let known = StatementKeyword(rawValue: keyword) else {
            return resolveGenericVerb(statement)
        }
        if known != .dial && known != .menu && known != .gather && known != .say && known != .disclose && known != .hours && known != .branch
            && known != .httpRequest,
           let child = statement.children.first {
            error(.syntax, "`\(keyword)` takes no indented block", child.keyword.range,
                  help: "move these lines out of the block, or into a step of their own")
        }
        if !StatementKeyword.continuing.contains(known) { noTarget(statement) }
        let range = statement.range
        switch known {
        case .say, .disclose:
            guard let text = text(of: statement, what: keyword) else { return nil }
            let attributes = bind(statement, to: "Say", positional: statement.arguments.prefix { if case .string = $0.kind { true } else { false } }.count)
            let translations = resolveTranslations(statement.children, of: keyword)
            return Action(.say(text: text, isDisclosure: known == .disclose, attributes: attributes, translations: translations.texts),
                          range: range, translationRanges: translations.ranges)
        case .play:
            guard let url = single(statement, what: "an audio URL", example: "play https://example.com/hold.mp3",
                                   accept: { if case .url = $0 { true } else { false } }) else { return nil }
            return Action(.play(url: url.text, attributes: bind(statement, to: "Play", positional: 1)), range: range)
        case .pause:
            let hasLength = statement.arguments.first.map { if case .word(let text) = $0.kind { text.isDigits } else { true } } ?? false
            var attributes = bind(statement, to: "Pause", positional: hasLength ? 1 : 0)
            if hasLength, let length = statement.arguments.first {
                guard let seconds = seconds(length, what: "a pause") else { return nil }
                // Written positionally, the length is still <Pause length>, with its range.
                if let problem = OptionBinder.vocabulary.element(named: "Pause")?.attribute(named: "length")?.kind.validate(String(seconds)) {
                    error(.invalidOption, "`pause \(source.text(length.range))` is out of range: length \(problem)", length.range,
                          help: "see the TeXML <Pause> documentation for `length`")
                    return nil
                }
                attributes.append(Attribute(name: "length", value: String(seconds), range: length.range))
            }
            return Action(.pause(attributes: attributes), range: range)
        case .menu:
            return resolveMenu(statement, in: stepName).map { Action(.menu($0), range: range) }
        case .hours:
            return resolveHours(statement, in: stepName).map { Action(.hours($0), range: range) }
        case .branch:
            return resolveValueBranch(statement, in: stepName).map { Action(.branch($0), range: range) }
        case .language:
            return resolveLanguageStatement(statement).map { Action(.language($0), range: range) }
        case .httpRequest:
            return resolveHTTPRequest(statement, in: stepName).map { Action(.httpRequest($0), range: range) }
        case .gather:
            return resolveGather(statement, in: stepName).map { Action(.gather($0), range: range) }
        case .record:
            let attributes = bind(statement, to: "Record")
            return Action(.record(attributes: attributes, next: statement.target.flatMap { lookup($0) }), range: range)
        case .dial:
            return resolveDial(statement)
        case .enqueue:
            guard let name = single(statement, what: "a queue name", example: "enqueue support",
                                    accept: { if case .word = $0 { true } else { false } }),
                  writtenName(name, of: "queue") else { return nil }
            return Action(.enqueue(resolveEnqueue(statement, queue: name.text)), range: range)
        case .leave:
            _ = bind(statement, to: "Leave")
            return Action(.leave, range: range)
        case .goto:
            guard let name = single(statement, what: "a step name", example: "goto front_desk",
                                    accept: { if case .word = $0 { true } else { false } }) else { return nil }
            _ = bind(statement, to: nil, positional: 1)
            guard let target = lookup(Name(name.text, name.range)) else { return nil }
            return Action(.goto(target), range: range)
        case .redirect:
            guard let url = single(statement, what: "a URL", example: "redirect https://ivr.example.com/after-hours.xml",
                                   accept: { if case .url = $0 { true } else { false } }) else { return nil }
            return Action(.redirect(url: url.text, attributes: bind(statement, to: "Redirect", positional: 1)), range: range)
        case .refer:
            guard let sip = single(statement, what: "a SIP URI", example: "refer sip:desk@clinic.example.com",
                                   accept: { if case .sipURI = $0 { true } else { false } }) else { return nil }
            return Action(.refer(target: sip.text, attributes: bind(statement, to: "Refer", positional: 1)), range: range)
        case .hangup:
            _ = bind(statement, to: "Hangup")
            return Action(.hangup, range: range)
        case .reject:
            return Action(.reject(attributes: bind(statement, to: "Reject")), range: range)
        }
    }

    // MARK: Menus and gathers

    private mutating func resolveMenu(_ statement: Statement, in stepName: String) -> Menu? {
        var tries = 3
        var options = statement.options
        if let index = options.firstIndex(where: { $0.name.text == "tries" }) {
            let option = options.remove(at: index)
            if case .integer(let count)? = option.value?.kind, (1...10).contains(count) {
                tries = count
            } else {
                error(.invalidOption, "`tries` must be a whole number from 1 to 10", option.range,
                      help: "`tries=3` plays the menu up to three times before its timeout/invalid branch")
            }
        }
        var trimmed = statement
        trimmed.options = options
        var menu = Menu(prompts: [], branches: [], tries: tries, attributes: bind(trimmed, to: "Gather"))
        var seen: [Branch.Key: SourceRange] = [:]
        for child in statement.children {
            if child.keyword.text == "on" {
                guard let branch = resolveBranch(child, in: stepName),
                      claim(branch, at: child.arguments[0].range, in: &seen, owner: "this menu") else { continue }
                menu.branches.append(branch)
            } else if let prompt = resolvePrompt(child, in: "menu") {
                menu.prompts.append(prompt)
            }
        }
        if menu.branches.isEmpty {
            error(.syntax, "this menu has no `on` branches", statement.keyword.range,
                  help: "add branches under it, e.g. `on 1 -> appointments`")
        }
        for key in flowKeys {
            guard let own = seen[key.key] else {
                menu.branches.append(key)
                continue
            }
            if menu.branch(key.key)?.target != key.target {
                let target = key.target.map { "`\(steps[$0].name)`" } ?? "its step"
                error(.duplicateKey, "`\(key.key)` is a key of every menu in this flow; this menu cannot use it for something else", own,
                      help: "remove this branch (every menu already sends \(key.key) to \(target)), or choose another key and say it in the prompt",
                      notes: [.init("the flow's key `\(key.key)`", at: span(key.range))])
            }
        }
        return menu
    }

    /// `on KEY -> STEP` written in the flow: keys every menu accepts, resolved once.
    mutating func resolveFlowKeys(_ statements: [Statement]) -> [Branch] {
        var keys: [Branch] = []
        var seen: [Branch.Key: SourceRange] = [:]
        for statement in statements {
            if let child = statement.children.first {
                error(.syntax, "a key of every menu leads to a step, not a block", child.keyword.range,
                      help: "write `on \(statement.arguments.first.map { source.text($0.range) } ?? "0") -> STEP` and put these lines in that step")
                continue
            }
            guard let branch = resolveBranch(statement, in: declaration.name.text) else { continue }
            guard case .digits = branch.key else {
                error(.syntax, "`on \(branch.key)` belongs to each menu, not to the whole flow", statement.arguments[0].range,
                      help: "write `on \(branch.key) -> STEP` under the menu; in the flow, `on KEY -> STEP` names a key every menu accepts")
                continue
            }
            guard claim(branch, at: statement.arguments[0].range, in: &seen, owner: "this flow") else { continue }
            keys.append(branch)
        }
        return keys
    }

    /// Records where a key is first given; giving it again is `duplicate-key`.
    private mutating func claim(_ branch: Branch, at range: SourceRange, in seen: inout [Branch.Key: SourceRange],
                                owner: String) -> Bool {
        if let first = seen[branch.key] {
            error(.duplicateKey, "\(owner) already has a branch for `\(branch.key)`", range,
                  help: "each key can lead to one place; remove or change one of them",
                  notes: [.init("first branch for `\(branch.key)`", at: span(first))])
            return false
        }
        seen[branch.key] = range
        return true
    }

    /// Say/play/pause inside a menu or gather; anything else is reported.
    private mutating func resolvePrompt(_ child: Statement, in parent: String) -> Action? {
        guard ["say", "disclose", "play", "pause"].contains(child.keyword.text) else {
            error(.syntax, "`\(child.keyword.text)` cannot go inside a \(parent)", child.keyword.range,
                  help: "a \(parent) holds say, play and pause prompts\(parent == "menu" ? " and `on KEY` branches" : ""); put other statements in the step a branch leads to")
            return nil
        }
        return resolveStatement(child, in: "")
    }

    private mutating func resolveBranch(_ statement: Statement, in stepName: String) -> Branch? {
        guard let keyValue = statement.arguments.first else {
            error(.syntax, "`on` needs a key", statement.keyword.range,
                  help: "write `on 1 -> STEP`; keys are 0–9, \"*\", \"#\", timeout or invalid")
            return nil
        }
        guard let key = branchKey(keyValue) else { return nil }
        var speech: [String] = []
        for extra in statement.arguments.dropFirst() {
            if case .string(let text) = extra.kind, case .digits = key {
                guard !speech.contains(where: { $0.lowercased() == text.lowercased() }) else {
                    error(.duplicateKey, "the phrase \"\(text)\" is already given to this key", extra.range, help: "keep one of them")
                    continue
                }
                speech.append(text)
            } else {
                error(.syntax, "unexpected `\(extra.text)` in this branch", extra.range,
                      help: "a branch is `on KEY [\"speech phrase\" …] -> STEP` or `on KEY` with an indented block")
            }
        }
        let choice = resolveBranchLanguage(statement.options, phrase: speech.first)
        let suffix = key.description.allSatisfy { $0.isLetter || $0.isNumber } ? key.description : "key\(steps.count)"
        let target = branchTarget(statement, label: key.description, anonymousName: "\(stepName).\(suffix)")
        var branch = Branch(key: key, speech: speech, target: target, range: statement.range)
        branch.language = choice.language
        branch.phrases = choice.phrases
        return branch
    }

    /// Where an `on LABEL` branch goes: its `-> STEP`, or its indented block as an anonymous step.
    mutating func branchTarget(_ statement: Statement, label: String, anonymousName: String) -> Int? {
        switch (statement.target, statement.children.isEmpty) {
        case (let name?, true):
            return lookup(name)
        case (nil, false):
            return anonymousStep(named: anonymousName, statement.children, at: statement.keyword.range)
        case (.some, false):
            error(.syntax, "a branch has either `-> STEP` or an indented block, not both", statement.range,
                  help: "move the block into the step it points to, or drop the `->`")
        case (nil, true):
            error(.syntax, "branch `on \(label)` does not say where to go", statement.range,
                  help: "add `-> STEP`, or indent the statements to run under it")
        }
        return nil
    }

    private mutating func branchKey(_ value: Value) -> Branch.Key? {
        switch value.kind {
        case .integer(let digit) where value.text.count == 1 && (0...9).contains(digit):
            return .digits(String(digit))
        case .string(let keys) where !keys.isEmpty && keys.allSatisfy({ "0123456789*#".contains($0) }):
            return .digits(keys)
        case .word("timeout"):
            return .timeout
        case .word("invalid"):
            return .invalid
        case _ where value.text.isDigits:
            error(.syntax, "`\(source.text(value.range))` is more than one key", value.range,
                  help: "quote key sequences: `on \"\(source.text(value.range))\" -> STEP`")
        default:
            let hint = Spelling.nearest(value.text, in: ["timeout", "invalid"]).map { "did you mean `\($0)`? " } ?? ""
            error(.syntax, "`\(value.text)` is not a menu key", value.range,
                  help: "\(hint)keys are a digit 0–9, a quoted key string (\"*\", \"#\", \"12\"), timeout or invalid")
        }
        return nil
    }

    private mutating func resolveGather(_ statement: Statement, in stepName: String) -> Gather? {
        guard let name = statement.arguments.first, case .word(let variable) = name.kind, Self.isValueName(variable) else {
            error(.syntax, "`gather` needs the name of the value it collects (letters, digits and `_`)", statement.keyword.range,
                  help: "write `gather member_id num-digits=8 -> lookup`; the value is then `{{member_id}}`")
            return nil
        }
        var gather = Gather(variable: variable, prompts: [], attributes: bind(statement, to: "Gather", positional: 1),
                            next: statement.target.flatMap { lookup($0) })
        for child in statement.children {
            if child.keyword.text == "on" {
                resolveGatherTimeout(child, of: &gather, in: stepName)
            } else if let prompt = resolvePrompt(child, in: "gather") {
                gather.prompts.append(prompt)
            }
        }
        if statement.target == nil {
            error(.syntax, "`gather \(variable)` does not say which step receives the value", statement.range,
                  help: "add `-> STEP`; from there on the call can use {{\(variable)}}")
        }
        return gather
    }

    /// `on timeout -> STEP` (or a block) inside a gather: the only branch a gather has.
    private mutating func resolveGatherTimeout(_ child: Statement, of gather: inout Gather, in stepName: String) {
        guard let branch = resolveBranch(child, in: stepName) else { return }
        guard branch.key == .timeout, branch.speech.isEmpty else {
            error(.syntax, "a `gather` has only an `on timeout` branch", child.range,
                  help: "the value goes to the step after `->` whatever was entered; write `on timeout -> STEP` for a caller who enters nothing")
            return
        }
        if let first = gather.timeout {
            error(.duplicateKey, "this gather already has an `on timeout` branch", child.range,
                  help: "keep one of them", notes: [.init("first `on timeout`", at: span(first.range))])
            return
        }
        gather.timeout = branch
    }

    // MARK: Enqueue

    /// `wait-url=STEP` makes a step of the flow the hold music; anything else that is not an
    /// absolute URL would be a relative URL resolving to nothing, so it is reported.
    private mutating func resolveEnqueue(_ statement: Statement, queue: String) -> Enqueue {
        var rest = statement
        var hold: Int?
        if let index = rest.options.firstIndex(where: { $0.name.text == "wait-url" }),
           let value = rest.options[index].value, !Self.isURL(value) {
            let word = value.text
            rest.options.remove(at: index)
            if let step = stepIndex[word] {
                hold = step
            } else {
                let hint = Spelling.nearest(word, in: declaration.steps.map(\.name.text)).map { "did you mean the step `\($0)`? " } ?? ""
                error(.invalidOption, "`wait-url=\(word)` is neither a URL nor a step of this flow", value.range,
                      help: "\(hint)write an http(s) URL, or the name of the step that plays the hold music")
            }
        }
        return Enqueue(queue: queue, attributes: bind(rest, to: "Enqueue", positional: 1), hold: hold,
                       next: statement.target.flatMap { lookup($0) })
    }

    private static func isURL(_ value: Value) -> Bool {
        if case .url = value.kind { true } else { false }
    }

    // MARK: Dial

    private mutating func resolveDial(_ statement: Statement) -> Action? {
        var targets: [DialTarget] = []
        var rest = statement
        let allow = rest.options.firstIndex { $0.name.text == "allow" }.map { rest.options.remove(at: $0) }
        if let first = statement.arguments.first {
            rest.arguments.removeFirst()
            if case .word(let noun) = first.kind, noun == "queue" || noun == "conference", let name = rest.arguments.first {
                rest.arguments.removeFirst()
                targets.append(DialTarget(kind: noun == "queue" ? .queue : .conference, value: name.text,
                                          attributes: [], range: first.range.through(name.range)))
            } else if let target = dialTarget(first) {
                targets.append(target)
            }
        }
        for child in statement.children {
            guard let noun = DialTarget.Kind(rawValue: child.keyword.text) else {
                let hint = Spelling.nearest(child.keyword.text, in: ["number", "sip", "queue", "conference"])
                    .map { "did you mean `\($0)`? " } ?? ""
                error(.syntax, "`\(child.keyword.text)` is not a dial target", child.keyword.range,
                      help: "\(hint)list targets as `number +1-…`, `sip sip:…`, `queue NAME` or `conference NAME`")
                continue
            }
            guard let value = child.arguments.first else {
                error(.syntax, "`\(noun.rawValue)` needs a target", child.keyword.range,
                      help: "e.g. `number +1-646-555-0111`")
                continue
            }
            let element = ["number": "Number", "sip": "Sip", "queue": "Queue", "conference": "Conference"][noun.rawValue]!
            noTarget(child)
            let attributes = bind(child, to: element, positional: 1)
            if let parsed = nounTarget(noun, value) {
                targets.append(DialTarget(kind: noun, value: parsed, attributes: attributes, range: child.range))
            }
        }
        if let conference = targets.first(where: { $0.kind == .conference }), targets.count > 1 {
            let other = targets.first { $0.kind != .conference } ?? targets[1]
            error(.syntax, "a `dial` that joins a conference cannot call anyone else", other.range,
                  help: "TeXML puts a <Conference> alone in its <Dial>; dial `conference \(conference.value)` on its own and call the others in their own `dial`",
                  notes: [.init("the conference", at: span(conference.range))])
        }
        if targets.isEmpty && statement.arguments.isEmpty && statement.children.isEmpty {
            error(.syntax, "`dial` needs someone to call", statement.keyword.range,
                  help: "write `dial +1-555-010-0200`, or list targets in an indented block")
        }
        bound(&targets, by: allow)
        let attributes = bind(rest, to: "Dial")
        return Action(.dial(targets: targets, attributes: attributes, next: statement.target.flatMap { lookup($0) }),
                      range: statement.range)
    }

    /// Gives the dial's value-filled numbers their bound: `allow=`, else the flow's
    /// `dial-prefixes`. An `allow=` on a dial that fills no number from a value bounds
    /// nothing, and is refused so no one believes it does.
    private mutating func bound(_ targets: inout [DialTarget], by allow: StatementOption?) {
        var prefixes = dialPrefixes
        var bound = dialPrefixesRange.map { (range: $0, what: "the flow's `dial-prefixes`") }
        if let allow {
            guard let value = allow.value, !value.text.isEmpty else {
                error(.invalidOption, "`allow` needs the E.164 prefixes a filled number may start with", allow.range,
                      help: "write them after `=`, separated by commas: `allow=+1,+44`")
                return
            }
            guard targets.contains(where: \.isValueNumber) else {
                error(.invalidOption, "`allow=` bounds a number filled from a value, and this dial fills none", allow.range,
                      help: "remove `\(source.text(allow.range))`: the numbers written in the flow are the only ones it dials")
                return
            }
            let written = value.text.split(separator: ",", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "-", with: "") }
            let valid = written.filter { checkDialPrefix(Value(.phone($0), value.range), writtenIn: "`allow=`") }
            guard valid.count == written.count else { return }
            prefixes = valid
            bound = (allow.range, "`allow=`")
        }
        for index in targets.indices where targets[index].isValueNumber {
            targets[index].prefixes = prefixes
            // `dial +44{{x}}` under `dial-prefixes +1`: every number it dials would be refused when answered.
            if let written = DialPrefix.written(in: targets[index].value), !DialPrefix.canLead(written, into: prefixes), let bound {
                error(.dialPrefixConflict, "`\(written)` is written before the value, and \(bound.what) allows only "
                      + prefixes.joined(separator: ", ") + ": every number this dial fills would be refused", targets[index].range,
                      help: "write an allowed country code before the value, or add `\(written)` to \(bound.what)",
                      notes: [.init("the bound", at: span(bound.range))])
            }
        }
    }

    private mutating func dialTarget(_ value: Value) -> DialTarget? {
        switch value.kind {
        case .phone(let number): return DialTarget(kind: .number, value: number, attributes: [], range: value.range)
        case .sipURI(let uri): return DialTarget(kind: .sip, value: uri, attributes: [], range: value.range)
        case .word(let placeholder) where Placeholder.isPlaceholder(placeholder):
            return DialTarget(kind: .number, value: placeholder, attributes: [], range: value.range)
        case .word(let target) where DialPrefix.written(in: target) != nil:
            return prefixed(target, at: value) ? DialTarget(kind: .number, value: target, attributes: [], range: value.range) : nil
        default:
            error(.syntax, "`\(source.text(value.range))` is not something `dial` can call", value.range,
                  help: "dial a phone number (+1-…), a SIP URI (sip:…), `queue NAME` or `conference NAME`")
            return nil
        }
    }

    private mutating func nounTarget(_ noun: DialTarget.Kind, _ value: Value) -> String? {
        switch (noun, value.kind) {
        case (.number, .phone(let number)): return number
        case (.number, .word(let placeholder)) where Placeholder.isPlaceholder(placeholder): return placeholder
        case (.number, .word(let target)) where DialPrefix.written(in: target) != nil:
            return prefixed(target, at: value) ? target : nil
        case (.sip, .sipURI(let uri)): return uri
        case (.queue, .word(let name)), (.conference, .word(let name)), (.queue, .string(let name)), (.conference, .string(let name)):
            return writtenName(value, of: noun.rawValue) ? name : nil
        default:
            error(.syntax, "`\(source.text(value.range))` is not a valid \(noun.rawValue) target", value.range,
                  help: noun == .number ? "write a phone number: +1-646-555-0111" : noun == .sip ? "write a SIP URI: sip:desk@example.com" : "write a name")
            return nil
        }
    }

    /// `+1{{callback}}`: the written country code must be one a number can start with.
    private mutating func prefixed(_ target: String, at value: Value) -> Bool {
        checkDialPrefix(Value(.phone(DialPrefix.written(in: target) ?? ""), value.range), writtenIn: "a dial target")
    }

    // MARK: Any other TeXML verb

    private mutating func resolveGenericVerb(_ statement: Statement) -> Action? {
        let keyword = statement.keyword.text
        guard let verb = OptionBinder.verb(kebab: keyword) else {
            let statements = StatementKeyword.allCases.map(\.rawValue) + StatementCatalog.genericVerbs.map(\.name)
            let notStatement = StatementCatalog.notStatements.first { $0.name == keyword }
            let nearest = notStatement == nil ? Spelling.nearest(keyword, in: statements + OptionBinder.verbKeywords) : nil
            let hint = notStatement.map(\.summary)
                ?? nearest.map { "did you mean `\($0)`?" }
                ?? "statements are \(statements.joined(separator: ", ")); `ivrc explain statements` says what each does and why other TeXML elements are not statements"
            error(.unknownStatement, "`\(keyword)` is not a statement", statement.keyword.range, help: hint,
                  fixIts: replacing(statement.keyword.range, with: nearest))
            return nil
        }
        return resolveElement(statement, as: verb)
    }

    /// A TeXML element written by its kebab-case name; its block holds the elements the
    /// schema lets it contain, each written the same way.
    private mutating func resolveElement(_ statement: Statement, as element: String) -> Action {
        noTarget(statement)
        let written = statement.arguments.first.flatMap { value -> String? in
            if case .word = value.kind { nil } else { value.text }
        }
        let attributes = bind(statement, to: element, positional: written == nil ? 0 : 1)
        let text = written.flatMap { elementText($0, of: statement, as: element) }
        let spec = OptionBinder.vocabulary.element(named: element)
        let allowed = spec?.children ?? []
        if spec?.requiresChild == true, statement.children.isEmpty {
            error(.syntax, "`\(statement.keyword.text)` needs something indented under it", statement.keyword.range,
                  help: "TeXML <\(element)> holds at least one of: \(allowed.map(kebabCase).joined(separator: ", "))")
        }
        var children: [Action] = []
        for child in statement.children {
            guard let name = allowed.first(where: { kebabCase($0) == child.keyword.text }) else {
                let names = allowed.map(kebabCase)
                let hint = Spelling.nearest(child.keyword.text, in: names).map { "did you mean `\($0)`?" }
                    ?? (names.isEmpty ? "`\(statement.keyword.text)` holds nothing" : "it can hold \(names.joined(separator: ", "))")
                error(.syntax, "`\(child.keyword.text)` cannot go inside `\(statement.keyword.text)`", child.keyword.range, help: hint)
                continue
            }
            children.append(resolveElement(child, as: name))
        }
        return Action(.verb(name: element, text: text, attributes: attributes, children: children), range: statement.range)
    }

    /// The text of a generic element, if the schema gives the element text of that kind.
    private mutating func elementText(_ text: String, of statement: Statement, as element: String) -> String? {
        guard let value = statement.arguments.first else { return nil }
        let keyword = statement.keyword.text
        guard let kind = OptionBinder.vocabulary.element(named: element)?.text else {
            error(.syntax, "`\(keyword)` takes no text", value.range,
                  help: "remove `\(source.text(value.range))`; TeXML <\(element)> holds only the elements indented under it")
            return nil
        }
        if let problem = kind.validate(text) {
            error(.invalidOption, "the text of `\(keyword)` \(problem)", value.range,
                  help: "see the TeXML <\(element)> documentation")
            return nil
        }
        return isSpeakable(text, at: value.range) ? text : nil
    }

    // MARK: Arguments

    private mutating func text(of statement: Statement, what keyword: String) -> String? {
        let strings = statement.arguments.prefix { if case .string = $0.kind { true } else { false } }
        guard !strings.isEmpty else {
            error(.syntax, "`\(keyword)` needs text in double quotes", statement.arguments.first?.range ?? statement.keyword.range,
                  help: "write `\(keyword) \"…\"`, or put quoted lines indented under it")
            return nil
        }
        for value in strings where !isSpeakable(value.text, at: value.range) {
            return nil
        }
        return strings.map(\.text).joined(separator: " ")
    }

    /// False after reporting a character XML cannot carry.
    private mutating func isSpeakable(_ text: String, at range: SourceRange) -> Bool {
        guard let bad = text.unicodeScalars.first(where: Self.isUnspeakable) else { return true }
        error(.invalidText, "this text contains the control character U+\(String(format: "%04X", bad.value))", range,
              help: "remove it; TeXML (XML 1.0) cannot carry control characters other than tab and newline")
        return false
    }

    /// Characters XML 1.0 cannot carry at all, even escaped; carriage return is refused too,
    /// because XML parsers turn it into a newline and the text would not survive unchanged.
    static func isUnspeakable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// The statement's one argument, which `accept` must like.
    private mutating func single(_ statement: Statement, what: String, example: String,
                                 accept: (Value.Kind) -> Bool) -> Value? {
        guard let value = statement.arguments.first, accept(value.kind) else {
            error(.syntax, "`\(statement.keyword.text)` needs \(what)",
                  statement.arguments.first?.range ?? statement.keyword.range, help: "e.g. `\(example)`")
            return nil
        }
        return value
    }

    /// A queue or conference name is written in the flow: filled from a value, a caller would
    /// choose whom they are connected to (issue 20: "vip support").
    private mutating func writtenName(_ value: Value, of what: String) -> Bool {
        // `env.` and `param.` are written by whoever deploys or uses the flow, not by the caller.
        let values = Placeholder.names(in: value.text).filter { !$0.hasPrefix("env.") && !$0.hasPrefix("param.") }
        guard let name = values.first else { return true }
        error(.valueInName, "a \(what) name cannot be filled from `{{\(name)}}`", value.range,
              help: "write the \(what)'s name; to choose among a few, branch with a `menu` and write one name per branch")
        return false
    }

    /// `-> STEP` on a statement that cannot continue anywhere is an error, never dropped.
    private mutating func noTarget(_ statement: Statement) {
        if let target = statement.target {
            let continuing = StatementKeyword.continuing.map(\.rawValue).joined(separator: ", ")
            error(.syntax, "`\(statement.keyword.text)` does not continue anywhere, so `-> \(target.text)` means nothing here",
                  target.range,
                  help: "remove `-> \(target.text)`, or put `goto \(target.text)` on the next line; only \(continuing) take `-> STEP`")
        }
    }

    /// Whole seconds from a duration; a bare number is refused with the unit suggested.
    mutating func seconds(_ value: Value, what: String) -> Int? {
        switch value.kind {
        case .duration(let milliseconds) where milliseconds % 1000 == 0:
            return milliseconds / 1000
        case .duration(let milliseconds):
            error(.invalidOption, "TeXML counts \(what) in whole seconds; `\(Value.formatDuration(milliseconds))` is not", value.range,
                  help: "round it to \(max(1, (milliseconds + 500) / 1000))s")
        case .integer(let number):
            error(.invalidOption, "`\(number)` has no unit", value.range,
                  help: "write `\(number)s` for seconds (or `\(number)ms`, `\(number)m`)")
        case .word(let digits) where digits.isDigits:
            error(.invalidOption, "`\(digits)` is too large for \(what)", value.range,
                  help: "use a number below \(Lexer.largestNumber), with its unit")
        default:
            error(.invalidOption, "`\(value.text)` is not a duration", value.range, help: "write a duration such as 5s")
        }
        return nil
    }
}

extension String {
    /// A run of ASCII digits: a number too long to be one, or keys.
    var isDigits: Bool { !isEmpty && utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
}
