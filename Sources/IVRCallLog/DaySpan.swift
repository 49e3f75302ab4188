/// The days a report covers: the window's, where `--from`/`--to` give them, else from the
/// first to the last day any flow logged. A flow silent on a day of the span had 0 calls then.
struct DaySpan {
    let count: Int

    init(window: TimeWindow, days: some Sequence<String>) {
        let seen = days.compactMap { LogTime.parse($0) }
        let first = window.from.map { LogTime.parse($0.day) ?? $0 } ?? seen.min()
        let last = window.until.map { LogTime(milliseconds: $0.milliseconds - 1) }.flatMap { LogTime.parse($0.day) } ?? seen.max()
        guard let first, let last, first <= last else {
            count = 0
            return
        }
        count = Int((last.milliseconds - first.milliseconds) / 86_400_000) + 1
    }
}
