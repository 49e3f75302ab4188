import Foundation
import IVRBundle
@testable import IVRCallLog
import IVRTestSupport
import Testing

/// The text and Markdown reports of the two-day fixture, byte for byte (`IVRC_UPDATE_GOLDEN=1`
/// rewrites them on purpose), with a manifest giving the daily target and the first language.
@Suite struct ReportGoldenTests {
    static let golden = Repository.tests("IVRCallLogTests/Golden")

    static func report() throws -> CallReport {
        let fixture = try LogFixture()
        defer { fixture.remove() }
        let manifest = Manifest(
            formatVersion: Manifest.currentFormatVersion, compilerVersion: "test",
            flows: [.init(name: "dental_office", number: "+13125550140", entry: "dental_office/welcome.xml",
                          languages: ["en-US", "es-MX"], dailyCallTarget: 2)],
            routes: [:], documents: [:], waivers: [])
        return try CallLog.report([try fixture.file("log", lines: LogFixture.twoDays.reversed())], manifest: manifest)
    }

    @Test func textReport() throws {
        try Golden.compare(TextReportRenderer.render(try Self.report()), with: Self.golden.appendingPathComponent("two-days.txt"))
    }

    @Test func markdownReport() throws {
        try Golden.compare(MarkdownReportRenderer.render(try Self.report()), with: Self.golden.appendingPathComponent("two-days.md"))
    }

    @Test func aDailyTargetIsJudgedOnTheQuietestDay() throws {
        let plan = try #require(try Self.report().flows.first?.indicators.first { $0.name == "calls on the quietest day" })
        #expect(plan == .init(name: "calls on the quietest day", target: "≥ 2", value: "2 (2 days)", pass: true))
    }
}
