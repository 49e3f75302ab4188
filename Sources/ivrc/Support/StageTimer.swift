import Foundation

/// Wall-clock time per stage, printed to stderr with `--timings` (the benchmark reads it).
struct StageTimer {
    let enabled: Bool
    private var stages: [(name: String, seconds: Double)] = []

    init(enabled: Bool) { self.enabled = enabled }

    mutating func measure<Result>(_ name: String, _ body: () throws -> Result) rethrows -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    /// The stages `other` measured, after these: an attempt's, once it is known to count.
    mutating func add(_ other: StageTimer) {
        stages += other.stages
    }

    func report() {
        guard enabled else { return }
        let lines = stages.map { String(format: "timing %@ %8.3f s", $0.name.padding(toLength: 8, withPad: " ", startingAt: 0), $0.seconds) }
        standardError(lines.joined(separator: "\n") + "\n")
    }
}
