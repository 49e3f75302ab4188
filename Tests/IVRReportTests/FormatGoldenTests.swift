import Foundation
import IVRReport
import IVRTestSupport
import Testing

/// Each format's output for `Fixtures/broken.ivr`, checked in as `broken.<format>`.
@Suite struct FormatGoldenTests {
    static func golden(_ name: String) -> URL { BrokenFixture.folder.appendingPathComponent(name) }

    @Test func fixtureHasEveryKindOfFinding() throws {
        let ids = Set(try BrokenFixture.load().diagnostics.map(\.id))
        #expect(ids.isSuperset(of: ["syntax", "unknown-option", "undefined-step", "duplicate-flow",
                                    "no-shouting", "waiver-without-reason"]))
    }

    @Test func text() throws {
        let (sources, diagnostics) = try BrokenFixture.load()
        try Golden.compare(TextReport(sources: sources, colored: false).render(diagnostics), with: Self.golden("broken.text"))
    }

    @Test func json() throws {
        try Golden.compare(JSONReport(toolVersion: "0.1.0").render(try BrokenFixture.load().diagnostics),
                           with: Self.golden("broken.json"))
    }

    @Test func sarif() throws {
        try Golden.compare(BrokenFixture.sarif(try BrokenFixture.load().diagnostics), with: Self.golden("broken.sarif"))
    }

    @Test func github() throws {
        try Golden.compare(GitHubAnnotations.render(try BrokenFixture.load().diagnostics), with: Self.golden("broken.github"))
    }

    @Test func textIsColouredOnlyWhenAsked() throws {
        let (sources, diagnostics) = try BrokenFixture.load()
        #expect(!TextReport(sources: sources, colored: false).render(diagnostics).contains("\u{1B}["))
        #expect(TextReport(sources: sources, colored: true).render(diagnostics).contains("\u{1B}["))
    }

    @Test func noDiagnosticsPrintNothingAsText() {
        #expect(TextReport(sources: [], colored: false).render([]).isEmpty)
    }
}
