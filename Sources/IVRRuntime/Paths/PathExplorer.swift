import IVRBundle
import IVRCheck

/// Follows every call path through a compiled flow up to a number of caller choices: each
/// key of each menu route, an invalid key and silence at every gather, answered and
/// unanswered at every dial. It checks the compiled TeXML, independently of the checker's
/// rules over the source, for calls that hang up on nobody, loop silently or record before
/// the disclosure.
public enum PathExplorer {
    public static let defaultDepth = 10

    public static func explore(_ program: CallProgram, flow: String, depth: Int = defaultDepth) -> PathReport {
        guard let entry = program.entry(flow: flow) else {
            return PathReport(flow: flow, pathsExplored: 0, problems: [], stepsReached: [])
        }
        var paths = 0
        var problems: [PathProblem] = []
        var documents: Set<String> = []
        for states in scheduleStates(program, flow: flow) {
            for lines in chosenLines(program, flow: flow) {
                var program = program
                program.clock = .assumed(states)
                program.chosenLines = lines
                var walk = Walk(program: program, depth: depth)
                walk.follow(CallSession(source: program, entry: entry), observed: Observation(), path: [])
                paths += walk.paths
                documents.formUnion(walk.documentsReached)
                problems += walk.problems.filter { problem in !problems.contains { $0.description == problem.description } }
            }
        }
        return PathReport(flow: flow, pathsExplored: paths, problems: problems,
                          stepsReached: Set(documents.compactMap(DocumentStep.stepEntered(by:))))
    }

    /// Every open/closed combination of the flow's schedules, so both branches of every
    /// `hours` are walked; past four schedules, all open, all closed and each one flipped.
    static func scheduleStates(_ program: CallProgram, flow: String) -> [[String: Bool]] {
        let keys = (program.bundle.manifest.schedules ?? [:]).keys.filter { $0.hasPrefix(flow + "/") }.sorted()
        guard keys.count <= 4 else {
            let uniform = [true, false].map { open in Dictionary(uniqueKeysWithValues: keys.map { ($0, open) }) }
            let flipped = keys.map { key in Dictionary(uniqueKeysWithValues: keys.map { ($0, $0 == key) }) }
            return uniform + flipped
        }
        return (0..<(1 << keys.count)).map { bits in
            Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, bits & (1 << $0) != 0) })
        }
    }

    /// The calls' own values decide every `branch`, then each line of each `branch` is taken
    /// in turn (the others still deciding), so every line is walked whatever the values are.
    public static func chosenLines(_ program: CallProgram, flow: String) -> [[String: Int]] {
        let branches = program.bundle.manifest.routes.filter { $0.key.hasPrefix(flow + "/") && $0.value.kind == .branch }
            .sorted { $0.key < $1.key }
        return [[:]] + branches.flatMap { document, route in (route.decisions ?? []).indices.map { [document: $0] } }
    }

    /// What a path has done so far, as far as the checks care.
    struct Observation: Hashable {
        var seen = 0
        var disclosed = false
        var reachedPerson = false
        var recordedEarly = false
        /// Documents fetched since the call last waited for the caller.
        var sinceInput: Set<String> = []
    }

    private struct Walk {
        let program: CallProgram
        let depth: Int
        var paths = 0
        var problems: [PathProblem] = []
        private(set) var documentsReached: Set<String> = []
        private var reported: Set<String> = []
        /// Waiting points already explored, with the choices that were left there.
        private var explored: [String: Int] = [:]

        init(program: CallProgram, depth: Int) {
            self.program = program
            self.depth = depth
        }

        mutating func follow(_ session: CallSession, observed start: Observation, path: [CallerEvent]) {
            var observed = start
            guard observe(session, &observed, path: path) else {
                paths += 1
                return
            }
            guard let request = session.waiting else {
                paths += 1
                return
            }
            // Waiting for the caller breaks a loop whatever they do, silence included: the
            // same meaning `silent-loop` proves over the source.
            if Action.callerWaitVerbs.contains(request.verb) { observed.sinceInput = [] }
            let choices = self.choices(for: request)
            let remaining = depth - path.count
            if choices.isEmpty {
                var next = session
                next.respond(nil)
                follow(next, observed: observed, path: path)
                return
            }
            let key = memoKey(session, observed)
            if remaining <= 0 || explored[key].map({ $0 >= remaining }) == true {
                paths += 1
                return
            }
            explored[key] = remaining
            for choice in choices {
                var next = session
                next.respond(choice)
                follow(next, observed: observed, path: path + [choice])
            }
        }

        /// Reads the events added since the last look; false when the path ends here.
        private mutating func observe(_ session: CallSession, _ observed: inout Observation, path: [CallerEvent]) -> Bool {
            let events = session.events
            defer { observed.seen = events.count }
            for event in events[observed.seen...] {
                switch event {
                case .say(let text):
                    if RecordingMention.discloses(text) { observed.disclosed = true }
                case .record(let source) where !observed.disclosed && !observed.recordedEarly:
                    observed.recordedEarly = true
                    report(.recordsBeforeDisclosure, path, session, "\(source) with no earlier <Say> mentioning the recording")
                case .dialStatus("completed"):
                    observed.reachedPerson = true
                case .document(let path_, _):
                    documentsReached.insert(path_)
                    if !observed.sinceInput.insert(path_).inserted {
                        report(.silentLoop, path, session, "\(path_) runs again without the call having waited for the caller since it last ran")
                        return false
                    }
                case .hangup(.endOfDocument) where !observed.reachedPerson:
                    report(.hangsUpWithoutHuman, path, session, "the document ends and Telnyx hangs up; no dial was answered and no <Hangup> was written")
                case .stopped(.stepLimit(let limit)):
                    // No document came round again, so this is a long call, not a loop.
                    report(.tooLongToFollow, path, session, "more than \(limit) documents and verbs in one call, none of them repeated")
                case .stopped(let reason) where reason.isFault:
                    report(.brokenBundle, path, session, reason.description)
                default:
                    break
                }
            }
            return true
        }

        private mutating func report(_ kind: PathProblem.Kind, _ path: [CallerEvent], _ session: CallSession, _ detail: String) {
            let document = session.position.document
            guard reported.insert("\(kind.rawValue)|\(document)").inserted else { return }
            problems.append(PathProblem(kind: kind, path: path, document: document, detail: detail))
        }

        private func memoKey(_ session: CallSession, _ observed: Observation) -> String {
            let position = session.position
            return "\(position.document)#\(position.verb)#\(observed.disclosed)#\(observed.reachedPerson)#"
                + "\(observed.recordedEarly)#" + observed.sinceInput.sorted().joined(separator: ",")
        }

        /// The responses worth trying at a waiting point.
        private func choices(for request: InputRequest) -> [CallerEvent] {
            switch request {
            case .record:
                return []
            case .dial:
                return [.answer, .noAnswer]
            case .httpRequest(_, let fields):
                return [InputRequest.sampleAnswer(fields: fields), .lookupFailed]
            case .gather(let gather, let action):
                var keys: [String] = []
                if let action, let route = program.bundle.manifest.routes[BundleAddress.document(ofRoute: action)],
                   let routeKeys = route.keys {
                    keys = routeKeys.keys.sorted()
                }
                var choices: [CallerEvent] = []
                if gather.acceptsDigits {
                    let sample = keys.isEmpty ? ["1"] : keys
                    choices += sample.map { .press($0) } + [invalidKey(notIn: keys, length: gather.numDigits ?? sample[0].count)]
                } else if gather.acceptsSpeech {
                    choices.append(.speak("something else"))
                }
                return choices + [.silence]
            }
        }

        /// A key sequence no branch handles, as long as the menu's keys.
        private func invalidKey(notIn keys: [String], length: Int) -> CallerEvent {
            let candidates = "0123456789*".map { String(repeating: $0, count: max(1, length)) }
            return .press(candidates.first { !keys.contains($0) } ?? "*#")
        }
    }
}
