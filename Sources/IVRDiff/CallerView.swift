import IVRBundle
import IVRRuntime
import IVRCheck
import TeXMLEmit
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
    }

    public let flow: String
    public let number: String
    public internal(set) var steps: [String: StepFacts] = [:]
    /// Keys pressed → where such calls can end (`reaches a person: +1555…`, `leaves a message`, …).
    public internal(set) var outcomes: [String: Set<String>] = [:]
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
            if let route = manifest.routes[path], route.kind == .menu {
                for (key, target) in route.keys ?? [:] { facts.keys[key] = DocumentStep.step(of: target) ?? target }
                for (phrase, target) in route.speech ?? [:] { facts.keys["\"\(phrase)\""] = DocumentStep.step(of: target) ?? target }
            }
            steps[step] = facts
        }
        (outcomes, allPathsFollowed) = CallerPaths.outcomes(program, entry: entry.entry, depth: depth)
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

    private func add(_ prompt: String, to facts: inout StepFacts) {
        if !facts.prompts.contains(prompt) { facts.prompts.append(prompt) }
    }
}
