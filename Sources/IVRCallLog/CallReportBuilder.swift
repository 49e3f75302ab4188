import IVRBundle

/// The ledger of grouped calls → the report: each call summarised once, counted into its
/// flow's tally, then every list sorted so the same lines give the same bytes in any order.
enum CallReportBuilder {
    /// The plan's goals (onboarding plan: response time, error rate).
    static let responseGoalMs = 200.0
    static let errorRateGoalPerMille = 10

    static func build(_ ledger: CallLedger, manifest: Manifest?) -> CallReport {
        var tallies: [String: FlowTally] = [:]
        var unrouted = 0
        let languages = Dictionary(manifest?.flows.map { ($0.name, $0.languages?.first ?? "") } ?? [], uniquingKeysWith: { a, _ in a })
        for (sid, events) in ledger.calls {
            let call = CallSummary(sid: sid, events: events, names: ledger.names)
            guard let flow = call.flow else {
                unrouted += 1
                continue
            }
            let language = languages[flow].flatMap { $0.isEmpty ? nil : $0 } ?? "first language"
            tallies[flow, default: .init()].add(call, defaultLanguage: language)
            for event in events where LogEntry.answeredKinds.contains(ledger.names[event.kind] ?? "") {
                tallies[ledger.names[event.flow] ?? flow, default: .init()]
                    .addRequest(day: event.time.day, status: event.status, latencyMicros: event.latencyMicros)
            }
        }
        for event in ledger.unattributed {
            guard let flow = ledger.names[event.flow] else { continue }
            tallies[flow, default: .init()].addRequest(day: event.time.day, status: event.status, latencyMicros: event.latencyMicros)
        }
        let span = DaySpan(window: ledger.window, days: tallies.values.flatMap(\.days.keys))
        let targets = Dictionary(manifest?.flows.map { ($0.name, $0.dailyCallTarget) } ?? [], uniquingKeysWith: { a, _ in a })
        let flows = tallies.keys.sorted().map { name in
            flowReport(name, tallies[name] ?? .init(), manifest: manifest, target: targets[name] ?? nil, span: span)
        }
        return CallReport(from: ledger.window.fromText, to: ledger.window.toText,
                          flows: flows, unroutedCalls: unrouted, input: ledger.tally)
    }

    private static func flowReport(_ name: String, _ tally: FlowTally, manifest: Manifest?, target: Int?, span: DaySpan) -> CallReport.Flow {
        func steps(_ outcomes: Set<String>) -> Set<String> {
            Set(tally.routes.keys.filter { outcomes.contains($0.outcome) }.map(\.ownerStep))
        }
        let guess = RouteKindGuess(manifest: manifest, lookupSteps: steps(["ok"]), continuingSteps: steps(["next"]),
                                   menuSteps: steps(["key", "invalid"]))
        var days = tally.days
        var branches: [FlowTally.BranchKey: Int] = [:]
        for (route, count) in tally.routes {
            switch guess.kind(ownerStep: route.ownerStep, ownerDocument: route.ownerDocument, outcome: route.outcome) {
            case .httpRequest:
                days[route.day]?.lookups += count
                if route.outcome != "ok" { days[route.day]?.lookupFailures += count }
            case .menu, .branch:
                branches[.init(menu: route.ownerStep, outcome: route.outcome, next: route.next ?? "(no step)"), default: 0] += count
            default:
                break
            }
        }
        var total = CallReport.Figures(day: "all")
        var allLatencies = LatencyDistribution()
        for day in days.keys.sorted() {
            var figures = days[day] ?? .init(day: day)
            let latencies = tally.latencies[day] ?? .init()
            figures.fillPercentiles(from: latencies)
            days[day] = figures
            total.add(figures)
            allLatencies.merge(latencies)
        }
        total.fillPercentiles(from: allLatencies)
        return CallReport.Flow(
            flow: name, dailyCallTarget: target, days: days.keys.sorted().compactMap { days[$0] }, total: total,
            endedAt: sortedCounts(tally.endedAt), branches: sortedBranches(branches), languages: sortedCounts(tally.languages),
            transitions: tally.transitions.keys.sorted().flatMap { from in
                (tally.transitions[from] ?? [:]).sorted { $0.key < $1.key }.map { .init(from: from, to: $0.key, calls: $0.value) }
            },
            emergencyNotReached: tally.emergencyNotReached.sorted { ($0.day, $0.callSid) < ($1.day, $1.callSid) },
            indicators: KeyIndicators.judge(total: total, days: days, target: target, span: span))
    }

    /// By menu; within one, the most taken first.
    private static func sortedBranches(_ counts: [FlowTally.BranchKey: Int]) -> [CallReport.Branch] {
        let perMenu = Dictionary(counts.map { ($0.key.menu, $0.value) }, uniquingKeysWith: +)
        return counts.map { CallReport.Branch(menu: $0.key.menu, outcome: $0.key.outcome, next: $0.key.next, count: $0.value,
                                              ofMenu: perMenu[$0.key.menu] ?? $0.value) }
            .sorted { ($0.menu, $1.count, $0.outcome, $0.next) < ($1.menu, $0.count, $1.outcome, $1.next) }
    }

    /// Most calls first, then by name.
    private static func sortedCounts(_ counts: [String: Int]) -> [CallReport.Count] {
        counts.map { CallReport.Count(name: $0.key, calls: $0.value) }.sorted { ($1.calls, $0.name) < ($0.calls, $1.name) }
    }
}
