import IVRCheck
import IVRLang

extension FlowWriter {
    /// The bundle's schedules of flow `flow` as `schedule` declarations, so `hours` branches
    /// import with the opening hours that decide them.
    mutating func writeSchedules(of flow: String?) {
        guard let flow else { return }
        for (key, schedule) in options.context.schedules.sorted(by: { $0.key < $1.key }) where key.hasPrefix(flow + "/") {
            lines.append("")
            lines.append("  schedule \(key.dropFirst(flow.count + 1)) \(StringLiteral.quote(schedule.timeZone))")
            lines += schedule.lines.map { "    " + $0 }
        }
    }
}
