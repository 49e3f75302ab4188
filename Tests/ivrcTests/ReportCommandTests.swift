import Foundation
import Testing

/// `ivrc report` as an operator runs it: exit statuses and messages for what it cannot do.
@Suite struct ReportCommandTests {
    static let line = #"{"call_sid":"v3:one","document":"dental_office/welcome.xml","emergency":false,"flow":"dental_office","kind":"entry","latency_ms":1.5,"level":"info","logger":"ivrc.serve","message":"request","method":"POST","status":200,"step":"welcome","time":"2026-12-01T09:00:00.000Z"}"#

    static func logFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-report-\(UUID().uuidString).log")
        try Data((line + "\n").utf8).write(to: url)
        return url
    }

    @Test func aMissingLogFileExitsOneNamingIt() throws {
        let log = try Self.logFile()
        defer { try? FileManager.default.removeItem(at: log) }
        let run = try CLITests.ivrc("report", log.path, "/nonexistent/serve.log.1.gz")
        #expect(run.status == 1)
        #expect(run.stderr == "ivrc: error: /nonexistent/serve.log.1.gz: No such file or directory\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func fromAfterToExitsOneNamingBoth() throws {
        let log = try Self.logFile()
        defer { try? FileManager.default.removeItem(at: log) }
        let run = try CLITests.ivrc("report", log.path, "--from", "2026-12-07", "--to", "2026-12-01")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("ivrc: error: --from 2026-12-07 is not before --to 2026-12-01"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func jsonReportIsDeterministicJSON() throws {
        let log = try Self.logFile()
        defer { try? FileManager.default.removeItem(at: log) }
        let first = try CLITests.ivrc("report", log.path, "--format", "json")
        #expect(first.status == 0, "\(first.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let flows = try #require(object["flows"] as? [[String: Any]])
        #expect(flows.first?["flow"] as? String == "dental_office")
        #expect(try CLITests.ivrc("report", log.path, "--format", "json").stdout == first.stdout)
    }

    @Test func aDirectoryThatIsNoBundleIsAUsageError() throws {
        let log = try Self.logFile()
        defer { try? FileManager.default.removeItem(at: log) }
        let run = try CLITests.ivrc("report", log.path, "--bundle", FileManager.default.temporaryDirectory.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("manifest.json"), "\(run.stderr)")
    }
}
