import IVRBundle
import IVRLang

/// A schedule written back as `.ivr` lines (`open mon-fri 8:00-17:00`, `closed 2026-12-25`),
/// for `ivrc import` of a bundle.
extension Schedule {
    public var lines: [String] {
        open.map { "open \(Self.spell(days: $0.days)) \(ClockTime.spell($0.from))-\(ClockTime.spell($0.to))" }
            + closed.map { closure in
                let day = closure.everyYear == true ? "every " + String(closure.date.description.dropFirst(5)) : closure.date.description
                let hours = closure.from.flatMap { from in closure.to.map { " \(ClockTime.spell(from))-\(ClockTime.spell($0))" } } ?? ""
                return "closed \(day)\(hours)" + (closure.label.map { " " + StringLiteral.quote($0) } ?? "")
            }
    }

    /// `[1, 2, 3, 4, 5, 7]` → `mon-fri sun`: runs of consecutive days become ranges.
    static func spell(days: [Int]) -> String {
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        guard days.count < 7 else { return "daily" }
        var runs: [(Int, Int)] = []
        for day in days.sorted() {
            if let last = runs.last, last.1 == day - 1 { runs[runs.count - 1].1 = day } else { runs.append((day, day)) }
        }
        return runs.map { $0.0 == $0.1 ? names[$0.0 - 1] : "\(names[$0.0 - 1])-\(names[$0.1 - 1])" }.joined(separator: " ")
    }
}
