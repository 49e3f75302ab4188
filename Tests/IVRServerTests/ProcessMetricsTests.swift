import Foundation
@testable import IVRServer
import Testing

/// `/metrics` carries the `process_*` families, read from `/proc/self` at each scrape.
@Suite struct ProcessMetricsTests {
    @Test func aSampleOfThisProcessIsPlausible() throws {
        let sample = try #require(ProcessMetrics.read())
        #expect(sample.residentBytes > 1_000_000 && sample.residentBytes <= sample.virtualBytes)
        #expect(sample.openDescriptors >= 3 && sample.openDescriptors <= sample.maxDescriptors)
        let now = Date().timeIntervalSince1970
        #expect(sample.startTimeSeconds <= now + 1 && sample.startTimeSeconds > now - 86_400)
        #expect(sample.cpuSeconds > 0)
    }

    /// The command name is in parentheses and may itself hold spaces and `) `.
    @Test func statFieldsStartAfterTheLastParenthesis() throws {
        let fields = try #require(ProcessMetrics.statFields("42 (ivrc ) serve) S 1 42 42 0 -1"))
        #expect(fields.prefix(3) == ["S", "1", "42"])
        #expect(ProcessMetrics.statFields("garbage") == nil)
    }

    @Test func everyScrapeCarriesTheProcessFamiliesAndCPUNeverGoesBack() throws {
        let metrics = ServerMetrics()
        let first = String(decoding: metrics.exposition(), as: UTF8.self)
        for family in ["process_resident_memory_bytes", "process_virtual_memory_bytes", "process_open_fds", "process_max_fds",
                       "process_start_time_seconds", "process_cpu_seconds_total"] {
            #expect(first.contains("# HELP \(family) "), "\(family)")
        }
        var spin = 0.0
        for index in 0..<2_000_000 { spin += Double(index).squareRoot() }
        #expect(spin > 0)
        let second = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(try Self.value("process_cpu_seconds_total", in: second) >= Self.value("process_cpu_seconds_total", in: first))
    }

    static func value(_ family: String, in exposition: String) throws -> Double {
        let line = try #require(exposition.split(separator: "\n").first { $0.hasPrefix(family + " ") })
        return try #require(Double(line.split(separator: " ")[1]))
    }
}
