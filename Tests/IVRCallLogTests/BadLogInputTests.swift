import Foundation
@testable import IVRCallLog
import Testing

/// Input a report must survive: each counted and said in the footer, never a crash.
@Suite struct BadLogInputTests {
    @Test func aCutOffLastLineIsCountedAndTheRestRead() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let lines = LogFixture.twoDays.dropLast() + [String(LogFixture.twoDays[3].prefix(40))]
        let report = try CallLog.report([try fixture.file("log", lines: Array(lines), trailingNewline: false)])
        #expect(report.input.truncatedLastLines == 1 && report.input.notJSON == 0)
        #expect(report.flows.first?.total.calls == 4)
        #expect(TextReportRenderer.render(report).contains("1 file ends in a cut-off line (skipped)"))
    }

    /// A last line without its newline that is complete is used, not counted as cut off.
    @Test func aCompleteLastLineWithoutNewlineIsUsed() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let report = try CallLog.report([try fixture.file("log", lines: Array(LogFixture.twoDays.prefix(4)), trailingNewline: false)])
        #expect(report.input.truncatedLastLines == 0 && report.input.requests == 4)
    }

    @Test func linesThatAreNotJSONAreCounted() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let noise = ["Server started", "{\"message\":", "[1,2]", "\u{1}\u{2}binary", "", #"{"message":"request","status":"two hundred"}"#]
        let report = try CallLog.report([try fixture.file("log", lines: noise + LogFixture.twoDays)])
        #expect(report.input.notJSON == noise.count)
        #expect(report.flows.first?.total.calls == 4)
        #expect(TextReportRenderer.render(report).contains("\(noise.count) lines are not JSON log entries (skipped)"))
    }

    /// An ivrc before outcomes were logged wrote the document, not the step or outcome: its calls,
    /// latency and errors still count, the steps read from the document's name.
    @Test func linesFromAnOlderIvrcCountForCallsLatencyAndErrors() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let older = [
            #"{"bundle":"b0","call_sid":"v3:old","document":"dental_office/welcome.xml","flow":"dental_office","kind":"entry","latency_ms":1.25,"level":"info","logger":"ivrc.serve","message":"request","method":"POST","status":200,"time":"2026-11-30T09:00:00.000Z"}"#,
            #"{"bundle":"b0","call_sid":"v3:old","document":"dental_office/desk.part2.xml","flow":"dental_office","kind":"route","latency_ms":2.5,"level":"info","logger":"ivrc.serve","message":"request","method":"POST","status":502,"time":"2026-11-30T09:00:05.000Z"}"#,
            #"{"message":"request","call_sid":"v3:old2"}"#,
        ]
        let report = try CallLog.report([try fixture.file("log", lines: older)])
        let flow = try #require(report.flows.first)
        #expect(report.input.olderFormat == 2 && report.input.untimed == 1)
        #expect(flow.total.calls == 1 && flow.total.requests == 2 && flow.total.errors == 1)
        #expect(flow.endedAt == [.init(name: "desk", calls: 1)])
        #expect(flow.total.p99Ms == 2.5)
        #expect(TextReportRenderer.render(report).contains("2 request lines from an older ivrc"))
    }

    @Test func rotatedGzipFilesReadLikePlainOnesAlsoWhenConcatenated() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let plain = try CallLog.report([try fixture.file("plain.log", lines: LogFixture.twoDays)])
        let first = try fixture.gzipped("serve.log.2", lines: Array(LogFixture.twoDays.prefix(7)))
        let second = try fixture.gzipped("serve.log.1", lines: Array(LogFixture.twoDays.dropFirst(7)))
        #expect(try CallLog.report([first, second]).flows == plain.flows)
        // `cat a.gz b.gz`: one file of two gzip members.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: first))) + [UInt8](try Data(contentsOf: URL(fileURLWithPath: second)))
        let joined = try CallLog.report([try fixture.file("joined.log.gz", bytes)])
        #expect(joined.flows == plain.flows && joined.input.problems.isEmpty, "\(joined.input.problems)")
    }

    @Test func aGzipThatEndsEarlyIsSaidAndReadUpToThere() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let many = (0..<2000).map { LogFixture.line("2026-12-01T09:00:00.000Z", sid: "v3:call-\($0)", kind: "entry", step: "welcome") }
        let whole = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try fixture.gzipped("serve.log", lines: many))))
        let cut = try fixture.file("cut.log.gz", Array(whole.prefix(whole.count / 2)))
        let report = try CallLog.report([cut])
        #expect(report.input.gzipEndedEarly == [cut])
        let calls = try #require(report.flows.first?.total.calls)
        #expect(calls > 0 && calls < 2000)
        #expect(TextReportRenderer.render(report).contains("\(cut): gzip stream ends early (read up to there)"))
        var damaged = whole
        for index in 20..<60 { damaged[index] ^= 0xA5 }
        let corrupt = try fixture.file("damaged.log.gz", damaged)
        #expect(try CallLog.report([corrupt]).input.gzipCorrupt == [corrupt])
    }

    /// A few megabytes with one line of a megabyte and no newline in it: the line is dropped as
    /// it streams past (memory held per line is bounded by the limit), the rest is read.
    @Test func aLargeFileWithARunawayLineIsStreamed() throws {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let calls = (0..<12_000).map { LogFixture.line("2026-12-01T09:00:00.000Z", sid: "v3:c\($0)", kind: "entry", step: "welcome") }
        let runaway = String(repeating: "x", count: 1_000_000)
        let lines = Array(calls.prefix(6000)) + [runaway] + Array(calls.dropFirst(6000))
        let path = try fixture.file("big.log", lines: lines)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 3_000_000)
        let report = try CallLog.report([path], maxLineBytes: 4096)
        #expect(report.input.overlongLines == 1)
        #expect(report.flows.first?.total.calls == 12_000)
    }

    @Test func aMissingFileStopsTheReportNamingIt() throws {
        #expect(throws: CallLog.Unreadable.self) { try CallLog.report(["/nonexistent/serve.log"]) }
        do { _ = try CallLog.report(["/nonexistent/serve.log"]) } catch { #expect(error.description.hasPrefix("/nonexistent/serve.log: ")) }
    }
}
