import IVRBundle
import IVRCheck
import IVRRuntime
import TeXMLSchema

/// What one compiled flow does for callers, step by step, independent of how the documents are
/// named or split: what they hear, which keys lead where, who is dialled, what records, and
/// where each sequence of caller choices ends. Two of these are compared by `BehaviourDiff`.
public struct CallerView: Sendable, Equatable {
    /// The facts of one `.ivr` step (all its documents, menu tries included).
    public struct StepFacts: Sendable, Equatable {
        /// Say texts and played URLs, in order, each once.
        public var prompts: [String] = []
        /// Menu keys (and speech phrases) → the step they lead to.
        public var keys: [String: String] = [:]
        /// Dial targets with the dial's timeout, as written.
        public var dials: [String] = []
        public var records = false
        /// A prompt tells the caller the call is recorded.
        public var discloses = false
        /// Where the call goes on from this step, other than by a menu key: `after the
        /// recording`, `when nobody answers`, `then` (a step that runs into another) … → the
        /// steps it leads to. Compared for every step, so a change deep in the flow is
        /// reported whatever `--depth` the walk of caller paths stops at.
        public var branches: [String: Set<String>] = [:]
    }

    public let flow: String
    public let number: String
    public internal(set) var steps: [String: StepFacts] = [:]
    /// Keys pressed → where such calls can end (`reaches a person: +1555…`, `leaves a message`, …).
    public internal(set) var outcomes: [String: Set<String>] = [:]
    /// Key sequences after which some call still waited for a choice at the depth: where they
    /// end is unknown, so `reach` never compares them.
    public internal(set) var cutOff: Set<String> = []
    /// False when the flow has more paths within the depth than `CallerPaths.pathLimit`: only
    /// the first ones were followed.
    public internal(set) var allPathsFollowed = true

    public init(program: CallProgram, flow entry: Manifest.FlowEntry, depth: Int = CallerPaths.defaultDepth) {
        flow = entry.name
        number = entry.number
        let manifest = program.bundle.manifest
        for path in manifest.documents.keys.sorted() where path.hasPrefix(entry.name + "/") {
            guard let step = DocumentStep.step(of: path), case .success(let root)? = program.response(path) else { continue }
            var facts = steps[step] ?? StepFacts()
            collect(root.elements, into: &facts)
            if let route = manifest.routes[path] {
                if route.kind == .menu {
                    for (key, target) in route.keys ?? [:] { facts.keys[key] = DocumentStep.step(of: target) ?? target }
                    for (phrase, target) in route.speech ?? [:] { facts.keys["\"\(phrase)\""] = DocumentStep.step(of: target) ?? target }
                }
                for (branch, target) in Self.branches(of: route) {
                    facts.branches[branch, default: []].insert(DocumentStep.step(of: target) ?? target)
                }
            }
            // A step's own documents (menu tries, parts) are not a way on.
            facts.branches = facts.branches.mapValues { $0.subtracting([step]) }.filter { !$0.value.isEmpty }
            steps[step] = facts
        }
        (outcomes, cutOff, allPathsFollowed) = CallerPaths.outcomes(program, entry: entry.entry, depth: depth)
    }

    private func collect(_ verbs: [XMLElement], into facts: inout StepFacts) {
        for verb in verbs {
            switch verb.name {
            case "Say":
                add(verb.text, to: &facts)
                if RecordingMention.discloses(verb.text) { facts.discloses = true }
            case "Play":
                add("play " + verb.text.trimmingCharacters(in: .whitespacesAndNewlines), to: &facts)
            case "Gather":
                collect(verb.elements, into: &facts)
            case "Record":
                facts.records = true
            case "Redirect":
                let target = DocumentStep.step(of: BundleAddress.document(ofRoute: verb.text.trimmingCharacters(in: .whitespacesAndNewlines)))
                if let target { facts.branches["then", default: []].insert(target) }
            case "Dial":
                let targets = verb.elements.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
                let spelled = verb.text.trimmingCharacters(in: .whitespacesAndNewlines)
                let dial = (targets.isEmpty ? [spelled] : targets).joined(separator: ", ")
                    + " (timeout \(verb.attribute("timeout") ?? "30")s)"
                if !facts.dials.contains(dial) { facts.dials.append(dial) }
                if let record = verb.attribute("record"), record != "do-not-record" { facts.records = true }
            default:
                continue
            }
        }
    }

    /// A route's ways on, by what a caller would say happened (menu keys are `keys`).
    private static func branches(of route: Route) -> [(String, String)] {
        let named: [(String, String?)]
        switch route.kind {
        case .menu: named = [("on invalid input", route.invalid), ("when the caller says nothing", route.timeout)]
        case .gather: named = [("after the input", route.next)]
        case .record: named = [("after the recording", route.next)]
        case .dial: named = [("when nobody answers", route.next), ("after the call", route.answered)]
        case .hours: named = [("while open", route.open), ("while closed", route.closed)]
        case .httpRequest: named = [("after the request", route.next), ("when the lookup fails", route.failure)]
        // Each line by its condition: a changed condition or target changes where callers go.
        case .branch: named = (route.decisions ?? []).map { ("when {{\(route.value ?? "")}} is \($0.when.spelling)", $0.next) }
        }
        return named.compactMap { name, target in target.map { (name, $0) } }
    }

    /// Some calls were not followed to their end (past the depth, or past the path limit).
    public var isCutOff: Bool { !cutOff.isEmpty || !allPathsFollowed }

    private func add(_ prompt: String, to facts: inout StepFacts) {
        if !facts.prompts.contains(prompt) { facts.prompts.append(prompt) }
    }
}
