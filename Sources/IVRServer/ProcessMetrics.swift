import Foundation
import Prometheus
import Synchronization

/// The `process_*` families Prometheus client libraries export (resident and virtual memory,
/// descriptors open and allowed, start time, CPU seconds), read from `/proc/self` at each
/// scrape so an operator sees a leak, a descriptor climb or a restart without another exporter.
final class ProcessMetrics: Sendable {
    /// One reading of `/proc/self`; nil fields where the file could not be read.
    struct Sample: Equatable {
        var residentBytes: Double
        var virtualBytes: Double
        var cpuSeconds: Double
        var startTimeSeconds: Double
        var openDescriptors: Double
        var maxDescriptors: Double
    }

    private let registry: PrometheusCollectorRegistry
    /// CPU seconds already added to the counter, so each scrape adds what was spent since.
    private let countedCPU = Mutex<Double>(0)

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func update() {
        guard let sample = Self.read() else { return }
        gauge("process_resident_memory_bytes", "Resident memory size in bytes.").set(to: sample.residentBytes)
        gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.").set(to: sample.virtualBytes)
        gauge("process_open_fds", "Number of open file descriptors.").set(to: sample.openDescriptors)
        gauge("process_max_fds", "Maximum number of open file descriptors.").set(to: sample.maxDescriptors)
        gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.").set(to: sample.startTimeSeconds)
        let spent = countedCPU.withLock { counted in
            defer { counted = max(counted, sample.cpuSeconds) }
            return max(0, sample.cpuSeconds - counted)
        }
        registry.makeCounter(name: "process_cpu_seconds_total", labels: [], help: "Total user and system CPU time spent in seconds.")
            .increment(by: spent)
    }

    private func gauge(_ name: String, _ help: String) -> Gauge {
        registry.makeGauge(name: name, labels: [], help: help)
    }

    /// `/proc/self/stat` (CPU ticks, start ticks after boot, sizes), `/proc/stat`'s boot time,
    /// and the descriptors open and allowed (`DescriptorBudget`).
    static func read() -> Sample? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let boot = bootTime(),
              let fields = statFields(stat), fields.count > 21
        else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let page = Double(sysconf(Int32(_SC_PAGESIZE)))
        func number(_ index: Int) -> Double { Double(fields[index]) ?? 0 }
        // Field numbers of proc(5) minus 3: the list starts after "pid (comm)".
        return Sample(residentBytes: number(21) * page, virtualBytes: number(20),
                      cpuSeconds: (number(11) + number(12)) / ticks,
                      startTimeSeconds: boot + number(19) / ticks,
                      openDescriptors: Double(DescriptorBudget.open ?? 0),
                      maxDescriptors: Double(DescriptorBudget.limit ?? Int(Int32.max)))
    }

    /// The fields after the command name, which may itself hold spaces and parentheses.
    static func statFields(_ stat: String) -> [Substring]? {
        guard let end = stat.range(of: ") ", options: .backwards) else { return nil }
        return stat[end.upperBound...].split(separator: " ")
    }

    private static func bootTime() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        return stat.split(separator: "\n").first { $0.hasPrefix("btime ") }.flatMap { Double($0.dropFirst(6)) }
    }
}
