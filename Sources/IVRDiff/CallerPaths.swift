import IVRBundle
import IVRRuntime

/// Where calls can end after each sequence of keys: every menu key the route table knows and
/// silence at a gather, answered and unanswered at a dial, up to a depth. Outcomes are grouped
/// by the keys pressed alone, so a step that changes from a dial to a voicemail still compares
/// (`press 3` could reach a person; now it leaves a message). The schedules of a flow are taken
/// as open (`test --paths` covers closed branches; one fixed state keeps the sides comparable).
public enum CallerPaths {
    public static let defaultDepth = 4
    /// Most calls followed per flow: a menu whose twelve keys all lead back to it has 12^depth
    /// key sequences, so the walk stops here and says so rather than run for hours.
    public static let pathLimit = 20_000

    /// Where each key sequence's calls end; the key sequences some call of which was still
    /// waiting for a choice at `depth` (its end unknown, so never compared); and whether every
    /// path within `depth` was followed (false past `pathLimit`).
    static func outcomes(_ program: CallProgram, entry: String, depth: Int)
        -> (outcomes: [String: Set<String>], cut: Set<String>, complete: Bool) {
        var program = program
        program.clock = .assumed((program.bundle.manifest.schedules ?? [:]).mapValues { _ in true })
        var outcomes: [String: Set<String>] = [:]
        var cut: Set<String> = []
        var pending: [(CallSession, [CallerEvent])] = [(CallSession(source: program, entry: entry), [])]
        var followed = 0
        while let (session, path) = pending.popLast() {
            followed += 1
            if followed > pathLimit { return (outcomes, cut, false) }
            let presses = path.filter { if case .press = $0 { true } else { false } }
            let key = presses.isEmpty ? "no key pressed" : presses.map(\.description).joined(separator: ", ")
            guard let request = session.waiting else {
                outcomes[key, default: []].insert(ending(session.events))
                continue
            }
            guard path.count < depth else {
                cut.insert(key)
                continue
            }
            for choice in choices(request, program: program) {
                var next = session
                next.respond(choice)
                pending.append((next, path + [choice]))
            }
        }
        return (outcomes, cut, true)
    }

    private static func choices(_ request: InputRequest, program: CallProgram) -> [CallerEvent] {
        switch request {
        case .gather(_, let action):
            let route = action.flatMap { program.bundle.manifest.routes[BundleAddress.document(ofRoute: $0)] }
            return (route?.keys ?? [:]).keys.sorted().map { .press($0) } + [.silence]
        case .dial: return [.answer, .noAnswer]
        case .record: return [.silence]
        case .httpRequest(_, let fields): return [InputRequest.sampleAnswer(fields: fields)]
        }
    }

    /// The call's end as a caller would describe it.
    private static func ending(_ events: [CallEvent]) -> String {
        var lastDial = ""
        var recorded = false
        for event in events {
            switch event {
            case .dial(let targets): lastDial = targets.map(\.description).joined(separator: ", ")
            case .dialStatus("completed"): return "reaches a person: \(lastDial)"
            case .record(let source) where source == "<Record>": recorded = true
            case .handedOff(let verb, let target): return "handed off: <\(verb)> \(target)"
            default: continue
            }
        }
        if case .stopped(let reason)? = events.last { return "stops: \(reason)" }
        return recorded ? "leaves a message" : "hangs up"
    }
}
