import IVRBundle
import IVRCheck
import IVRLang
import TeXMLSchema

/// One flow lowered to documents and the route table that links them.
public struct LoweredFlow: Sendable {
    public let name: String
    public let number: String?
    /// Path of the document Telnyx fetches when the number is called.
    public let entry: String
    public let documents: [TeXMLDocument]
    /// Route of each document that has an action, by document path.
    public let routes: [String: Route]
    /// The flow's schedules by manifest key (`FLOW/NAME`), decided when a call reaches them.
    public let schedules: [String: Schedule]
    /// How long the flow's recordings are kept.
    public let retention: RecordingRetention
    /// The prefixes bounding each `<Dial>` of a document, by document path (`Manifest.dialPrefixes`).
    public let dialPrefixes: [String: [[String]]]
    /// The step marked `emergency`, if any.
    public let emergencyStep: String?
    /// The flow's `languages`, when a call can choose among two or more.
    public let languages: [String]?
    public let industry: Industry
    /// Calls a day the line should take (`Flow.expectedDailyCalls`).
    public let dailyCallTarget: Int?
}

/// Lowers a checked flow (docs/bundle.md, Documents): steps split into documents at every verb that hands
/// control to an action URL; every `<Gather>` and `<Record>` gets an action; menus replay a
/// bounded number of times; a `goto` to a step referenced nowhere else is inlined.
/// A flow with `languages` is lowered once per (step, language) a call can reach: the
/// language is fixed once chosen, so a step's Spanish documents (`STEP.es-MX.xml`) speak
/// Spanish and route on to Spanish documents, and the server needs no call state.
struct FlowLowering {
    /// The document a completed call is sent to: it only hangs up.
    static let hangupDocument = "hangup.call"

    private let flow: Flow
    private let address: BundleAddress
    private let verbs: VerbLowering
    private var documents: [TeXMLDocument] = []
    private var routes: [String: Route] = [:]
    private var dialPrefixes: [String: [[String]]] = [:]
    private var partCounts: [String: Int] = [:]
    private var needsHangupDocument = false
    private let inlinable: Set<Int>

    static func lower(_ flow: Flow, address: BundleAddress) -> LoweredFlow {
        var lowering = FlowLowering(flow: flow, address: address)
        for state in flow.languageStates() where !lowering.inlinable.contains(state.step) {
            lowering.emitStep(state.step, in: state.language)
        }
        if lowering.needsHangupDocument {
            lowering.documents.append(TeXMLDocument(
                path: BundleAddress.path(hangupDocument, flow: flow.name),
                verbs: [XMLElement.verb("Hangup")], step: "(call completed)"))
        }
        let sorted = lowering.documents.sorted { $0.path < $1.path }
        return LoweredFlow(name: flow.name, number: flow.number,
                           entry: BundleAddress.path(flow.steps.first?.name ?? "", flow: flow.name),
                           documents: sorted, routes: lowering.routes,
                           schedules: Dictionary(flow.schedules.map { (scheduleKey($0.name, flow: flow.name), $0.schedule) }) { first, _ in first },
                           retention: flow.keptFor, dialPrefixes: lowering.dialPrefixes,
                           emergencyStep: flow.emergencyStep.map { flow.steps[$0].name },
                           languages: flow.languages.count > 1 ? flow.languages : nil, industry: flow.industry,
                           dailyCallTarget: flow.expectedDailyCalls)
    }

    /// Schedules are named per flow; the manifest keys them `FLOW/NAME`.
    static func scheduleKey(_ name: String, flow: String) -> String { "\(flow)/\(name)" }

    private init(flow: Flow, address: BundleAddress) {
        self.flow = flow
        self.address = address
        self.verbs = VerbLowering(flow: flow, address: address)
        self.inlinable = Self.inlinableSteps(flow)
    }

    /// Steps whose only reference is one `goto` (and are not the entry): their code is
    /// copied to where the goto stands instead of costing the caller a fetch.
    private static func inlinableSteps(_ flow: Flow) -> Set<Int> {
        var references = Array(repeating: 0, count: flow.steps.count)
        var gotoReferences = Array(repeating: 0, count: flow.steps.count)
        for index in flow.steps.indices {
            for edge in flow.exit(of: index).edges {
                references[edge.target] += 1
                if edge.label == .goto { gotoReferences[edge.target] += 1 }
            }
        }
        let reachable = Set(flow.reachableSteps())
        return Set(flow.steps.indices.filter {
            $0 != 0 && references[$0] == 1 && gotoReferences[$0] == 1 && reachable.contains($0)
        })
    }

    // MARK: Documents

    /// A document being filled with verbs.
    private struct Pending {
        let name: String
        let step: String
        var verbs: [XMLElement] = []
        /// The prefixes bounding each `<Dial>` among `verbs`, in order.
        var dials: [[String]] = []

        mutating func appendDial(_ dial: XMLElement, bounded targets: [DialTarget]) {
            verbs.append(dial)
            dials.append(targets.first { !$0.prefixes.isEmpty }?.prefixes ?? [])
        }
    }

    private func path(_ name: String) -> String { BundleAddress.path(name, flow: flow.name) }

    /// The document name of a step entered in `language`: the step's name in the language a
    /// call starts in, `STEP.TAG` in the others (step names never hold `.`).
    private func documentName(ofStep index: Int, in language: String?) -> String {
        let name = flow.steps[index].name
        guard let language, language != flow.startLanguage else { return name }
        return "\(name).\(language)"
    }

    private func path(ofStep index: Int, in language: String?) -> String { path(documentName(ofStep: index, in: language)) }

    /// The URL a `<Redirect>` (or `waitUrl`) uses for a step entered in `language`.
    private func url(ofStep index: Int, in language: String?) -> String {
        address.document(documentName(ofStep: index, in: language), flow: flow.name)
    }

    private mutating func finish(_ document: Pending) {
        documents.append(TeXMLDocument(path: path(document.name), verbs: document.verbs, step: document.step))
        if document.dials.contains(where: { !$0.isEmpty }) { dialPrefixes[path(document.name)] = document.dials }
    }

    /// A fresh continuation document name for the step `root`: `welcome.part2`, `welcome.part3`, …
    private mutating func newPart(of root: String) -> String {
        let number = (partCounts[root] ?? 1) + 1
        partCounts[root] = number
        return "\(root).part\(number)"
    }

    private mutating func hangupPath() -> String {
        needsHangupDocument = true
        return path(Self.hangupDocument)
    }

    // MARK: Steps

    private mutating func emitStep(_ index: Int, in language: String?) {
        let name = documentName(ofStep: index, in: language)
        var current = Pending(name: name, step: flow.steps[index].name)
        emitActions(of: index, in: language, into: &current, root: name)
        finish(current)
    }

    /// Appends the step's straight-line code to `current`, starting new documents where a
    /// verb hands control to an action. Code after the end of the step is not emitted.
    /// An inlined `goto` ends the step, so inlining continues the loop with the target step
    /// rather than recursing: a chain of 50,000 gotos must not exhaust the stack.
    private mutating func emitActions(of first: Int, in entered: String?, into current: inout Pending, root: String) {
        var index = first
        var inlined: Set<Int> = [first]
        var language = entered
        nextStep: while true {
            let step = flow.steps[index]
            for action in step.actions[flow.exit(of: index).reached] {
                switch action.kind {
                case .language(let chosen):
                    language = chosen
                case .goto(let target):
                    if inlinable.contains(target) && inlined.insert(target).inserted {
                        index = target
                        continue nextStep
                    } else {
                        current.verbs.append(XMLElement.verb("Redirect", text: url(ofStep: target, in: language)))
                    }
                    return
                case .menu(let menu):
                    emitMenu(menu, in: language, startingIn: &current, root: root)
                    return
                case .gather(let gather):
                    var attributes = verbs.gatherAttributes(gather.attributes, in: language)
                    attributes["action"] = address.route(current.name, flow: flow.name)
                    current.verbs.append(XMLElement.verb("Gather", attributes, children: gather.prompts.compactMap { verbs.element($0, in: language, step: step.name) }))
                    if let next = gather.next {
                        // No input: the gather falls through to its `on timeout` step, or to the
                        // next step without the value; an empty entry sent to the route goes there too.
                        let silent = gather.timeout?.target ?? next
                        routes[path(current.name)] = Route(kind: .gather, timeout: path(ofStep: silent, in: language),
                                                           next: path(ofStep: next, in: language), value: gather.variable)
                        current.verbs.append(XMLElement.verb("Redirect", text: url(ofStep: silent, in: language)))
                    }
                    return
                case .httpRequest(let request):
                    let route = address.route(current.name, flow: flow.name)
                    current.verbs.append(verbs.httpRequest(request, action: route))
                    if let next = request.next {
                        let defaults = Dictionary(uniqueKeysWithValues: request.fields.compactMap { field in field.defaultValue.map { (field.name, $0) } })
                        routes[path(current.name)] = Route(
                            kind: .httpRequest, next: path(ofStep: next, in: language), fields: request.fields.map(\.name),
                            failure: request.failure.map { path(ofStep: $0, in: language) }, defaults: defaults.isEmpty ? nil : defaults)
                        // Telnyx may not call the action when the request fails; the call then
                        // goes on here and asks the route, which finds the fields missing (or
                        // takes their defaults).
                        current.verbs.append(XMLElement.verb("Redirect", text: route))
                    }
                    return
                case .record(let attributes, let next):
                    var recordAttributes = verbs.delivered(verbs.attributes(attributes), step: step.name)
                    recordAttributes["action"] = address.route(current.name, flow: flow.name)
                    current.verbs.append(XMLElement.verb("Record", recordAttributes))
                    if let next {
                        routes[path(current.name)] = Route(kind: .record, next: path(ofStep: next, in: language))
                        return
                    }
                    let part = newPart(of: root)
                    routes[path(current.name)] = Route(kind: .record, next: path(part))
                    finish(current)
                    current = Pending(name: part, step: step.name)
                case .hours(let hours):
                    // The server decides by the clock; the document asks it with a redirect to its route.
                    current.verbs.append(XMLElement.verb("Redirect", text: address.route(current.name, flow: flow.name)))
                    if let open = hours.open, let closed = hours.closed {
                        routes[path(current.name)] = Route(
                            kind: .hours, schedule: Self.scheduleKey(hours.schedule, flow: flow.name),
                            open: path(ofStep: open, in: language), closed: path(ofStep: closed, in: language))
                    }
                    return
                case .branch(let branch):
                    // Decided by the server from the call's values, like `hours` by the clock.
                    current.verbs.append(XMLElement.verb("Redirect", text: address.route(current.name, flow: flow.name)))
                    let decisions = branch.cases.compactMap { line in
                        line.target.map { Route.Decision(when: line.condition, next: path(ofStep: $0, in: language)) }
                    }
                    if decisions.count == branch.cases.count {
                        routes[path(current.name)] = Route(kind: .branch, value: branch.value, decisions: decisions)
                    }
                    return
                case .dial(let targets, let attributes, let next?):
                    var dialAttributes = verbs.attributes(attributes)
                    dialAttributes["action"] = address.route(current.name, flow: flow.name)
                    current.appendDial(verbs.dial(targets, dialAttributes, step: step.name), bounded: targets)
                    var route = Route(kind: .dial, next: path(ofStep: next, in: language), answered: hangupPath())
                    // Only a target filled from a value can be refused, and then apologised for.
                    if targets.contains(where: { !Placeholder.names(in: $0.value).isEmpty }) {
                        route.language = language
                        route.voice = verbs.voice(in: language)
                    }
                    routes[path(current.name)] = route
                    return
                case .dial(let targets, let attributes, nil):
                    current.appendDial(verbs.dial(targets, verbs.attributes(attributes), step: step.name), bounded: targets)
                case .enqueue(let enqueue):
                    // Telnyx fetches the action when the caller leaves the queue; whatever
                    // the outcome, the call goes on at `next`, so no route is needed.
                    let action = enqueue.next.map { url(ofStep: $0, in: language) }
                    current.verbs.append(verbs.enqueue(enqueue, action: action, holdMusic: enqueue.hold.map { url(ofStep: $0, in: language) }))
                    if action != nil { return }
                default:
                    if let element = verbs.element(action, in: language, step: step.name) { current.verbs.append(element) }
                }
            }
            return
        }
    }

    // MARK: Menus

    /// A menu becomes one `<Gather>` document per try. Each try's route sends unknown input
    /// to the `invalid` branch (or the next try), and silence falls through to a redirect to
    /// the next try; after the last try the `timeout` branch runs (or the call ends).
    private mutating func emitMenu(_ menu: Menu, in language: String?, startingIn current: inout Pending, root: String) {
        let tries = [current.name] + (1..<max(1, menu.tries)).map { _ in newPart(of: root) }
        // A branch goes on in the language it chooses, or the one the call speaks.
        func name(_ branch: Branch?) -> String? {
            branch.flatMap { branch in branch.target.map { documentName(ofStep: $0, in: branch.language ?? language) } }
        }
        let timeoutTarget = name(menu.branch(.timeout))
        let invalidTarget = name(menu.branch(.invalid)).map(path)
        var keys: [String: String] = [:]
        var speech: [String: String] = [:]
        var emergencyPath: String?
        for branch in menu.branches {
            guard case .digits(let digits) = branch.key, let target = name(branch).map(path) else { continue }
            keys[digits] = target
            // The caller's language's phrase: the matcher hears what this caller can say.
            let phrases = branch.speech(in: language, of: flow)
            for phrase in phrases.isEmpty ? branch.speech : phrases { speech[phrase.lowercased()] = target }
            if branch.target == flow.emergencyStep { emergencyPath = target }
        }
        let gather = verbs.gatherAttributes(menu, in: language)
        for (attempt, name) in tries.enumerated() {
            if attempt > 0 { current = Pending(name: name, step: current.step) }
            let isLast = attempt == tries.count - 1
            let afterSilence = isLast ? timeoutTarget : tries[attempt + 1]
            var attributes = gather
            attributes["action"] = address.route(name, flow: flow.name)
            current.verbs.append(XMLElement.verb("Gather", attributes, children: menu.prompts.compactMap { verbs.element($0, in: language, step: current.step) }))
            if let afterSilence {
                current.verbs.append(XMLElement.verb("Redirect", text: address.document(afterSilence, flow: flow.name)))
            } else {
                // No timeout branch: say so in the document instead of running off its end.
                current.verbs.append(XMLElement.verb("Hangup"))
            }
            let afterSilencePath = afterSilence.map(path) ?? hangupPath()
            routes[path(name)] = Route(
                kind: .menu, keys: keys, speech: speech.isEmpty ? nil : speech,
                emergency: speech.isEmpty ? nil : emergencyPath.flatMap { speech.values.contains($0) ? $0 : nil },
                invalid: invalidTarget ?? afterSilencePath, timeout: afterSilencePath)
            if !isLast { finish(current) }
        }
    }
}
