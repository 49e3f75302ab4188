/// The onboarding plan's go-live table for one flow: each goal, its target, the value over the
/// report's window and whether it was met.
enum KeyIndicators {
    static func judge(total: CallReport.Figures, days: [String: CallReport.Figures], target: Int?, span: DaySpan) -> [CallReport.Indicator] {
        var indicators: [CallReport.Indicator] = []
        indicators.append(.init(
            name: "emergency calls that reached a person", target: "100 %",
            value: total.emergencyCalls == 0 ? "no emergency call"
                : "\(total.emergencyReached) of \(total.emergencyCalls) (\(Percent.text(total.emergencyReached, of: total.emergencyCalls)))",
            pass: total.emergencyCalls == 0 ? nil : total.emergencyReached == total.emergencyCalls))
        // Every day of the span must meet the target, so the quietest day is the one judged.
        let quietest = days.count < span.count ? 0 : days.values.map(\.calls).min() ?? 0
        indicators.append(.init(
            name: "calls on the quietest day", target: target.map { "≥ \($0)" } ?? "none (--bundle)",
            value: "\(quietest) (\(span.count) \(span.count == 1 ? "day" : "days"))", pass: target.map { quietest >= $0 }))
        indicators.append(.init(
            name: "p95 response time", target: "< \(Int(CallReportBuilder.responseGoalMs)) ms",
            value: total.p95Ms.map { "\($0) ms" } ?? "no request",
            pass: total.p95Ms.map { $0 < CallReportBuilder.responseGoalMs }))
        indicators.append(.init(
            name: "error rate", target: "< 1 %",
            value: total.requests == 0 ? "no request" : "\(total.errors) of \(total.requests) (\(Percent.text(total.errors, of: total.requests)))",
            pass: total.requests == 0 ? nil : total.errors * 1000 < total.requests * CallReportBuilder.errorRateGoalPerMille))
        let succeeded = total.lookups - total.lookupFailures
        indicators.append(.init(
            name: "lookups that succeeded", target: "100 %",
            value: total.lookups == 0 ? "no lookup" : "\(succeeded) of \(total.lookups) (\(Percent.text(succeeded, of: total.lookups)))",
            pass: total.lookups == 0 ? nil : total.lookupFailures == 0))
        return indicators
    }
}
