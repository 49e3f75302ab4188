/// One flow's counts while calls are read, turned into its `CallReport.Flow` at the end.
struct FlowTally {
    struct RouteKey: Hashable {
        let day: String
        let ownerStep: String
        let ownerDocument: String?
        let outcome: String
        let next: String?
    }

    struct BranchKey: Hashable {
        let menu: String
        let outcome: String
        let next: String
    }

    var days: [String: CallReport.Figures] = [:]
    var latencies: [String: LatencyDistribution] = [:]
    var endedAt: [String: Int] = [:]
    var branches: [BranchKey: Int] = [:]
    var languages: [String: Int] = [:]
    var transitions: [String: [String: Int]] = [:]
    var routes: [RouteKey: Int] = [:]
    var emergencyNotReached: [CallReport.EmergencyCall] = []

    mutating func add(_ call: CallSummary, defaultLanguage: String) {
        update(call.day) { figures in
            figures.calls += 1
            if call.reachedPerson { figures.reachedPerson += 1 }
            if call.emergency { figures.emergencyCalls += 1 }
            if call.emergencyReached { figures.emergencyReached += 1 }
        }
        if let last = call.path.last { endedAt[last, default: 0] += 1 }
        languages[call.language ?? defaultLanguage, default: 0] += 1
        for (from, to) in zip(call.path, call.path.dropFirst()) { transitions[from, default: [:]][to, default: 0] += 1 }
        for route in call.routes {
            routes[RouteKey(day: call.day, ownerStep: route.ownerStep, ownerDocument: route.ownerDocument, outcome: route.outcome,
                            next: route.next),
                   default: 0] += 1
        }
        if let ending = call.emergencyEnding, !call.emergencyReached {
            emergencyNotReached.append(.init(callSid: call.sid, day: call.day, outcome: ending.outcome, fallback: ending.fallback,
                                             hangupSource: call.hangupSource))
        }
    }

    /// A request Telnyx was answered for: its latency and whether it failed, on its own day.
    mutating func addRequest(day: String, status: Int16, latencyMicros: Int32) {
        update(day) { figures in
            figures.requests += 1
            if !(200..<300).contains(status) { figures.errors += 1 }
        }
        if latencyMicros >= 0 { latencies[day, default: .init()].add(microseconds: latencyMicros) }
    }

    private mutating func update(_ day: String, _ change: (inout CallReport.Figures) -> Void) {
        change(&days[day, default: CallReport.Figures(day: day)])
    }
}
