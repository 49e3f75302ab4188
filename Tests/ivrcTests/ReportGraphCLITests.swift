import Foundation
import IVRTestSupport
import Testing

/// `ivrc report --graph`: the served flow drawn from its bundle with the calls of a log laid
/// over it (calls per edge, drop-offs per step); the DOT and Mermaid of the dental office
/// example against golden files (`IVRC_UPDATE_GOLDEN=1` rewrites them on purpose), the SVG
/// as a browser renders it.
@Suite(.serialized) struct ReportGraphCLITests {
    static let golden = Repository.tests("ivrcTests/Golden/report-graph")
    /// Seven calls of the dental office on one day, as `ivrc serve` logs them.
    static let log = CLITests.fixtures.appendingPathComponent("report/dental_office.log").path

    /// A fresh directory holding `bundle`, built from `examples`; remove it when done.
    static func workspace(_ examples: String...) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-report-graph-\(UUID().uuidString)")
        let sources = examples.map { Repository.examples.appendingPathComponent($0).path }
        let run = try CLITests.ivrc(["build"] + sources + ["-o", directory.appendingPathComponent("bundle").path], timeout: 120)
        try #require(run.status == 0, "\(run.stderr)")
        return directory
    }

    @Test(arguments: ["dot", "mermaid"])
    func theDentalOfficeHeatMapMatchesItsGoldenFile(_ format: String) throws {
        let workspace = try Self.workspace("dental_office.ivr")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let bundle = workspace.appendingPathComponent("bundle")
        let run = try CLITests.ivrc(["report", Self.log, "--bundle", bundle.path, "--graph", format], timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        try Golden.compare(run.stdout, with: Self.golden.appendingPathComponent("dental_office.\(format == "dot" ? "dot" : "mmd")"))
    }

    @Test func graphWithoutBundleIsAUsageErrorSayingWhatToAdd() throws {
        let run = try CLITests.ivrc(["report", Self.log, "--graph", "svg"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("add --bundle DIR"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func outputWithoutGraphIsAUsageError() throws {
        let run = try CLITests.ivrc(["report", Self.log, "-o", "/tmp/never-written.svg"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("add --graph"), "\(run.stderr)")
    }

    @Test func aBundleOfSeveralFlowsNeedsFlowNamingThem() throws {
        let workspace = try Self.workspace("dental_office.ivr", "driver_emergency.ivr")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let bundle = workspace.appendingPathComponent("bundle")
        let unnamed = try CLITests.ivrc(["report", Self.log, "--bundle", bundle.path, "--graph", "dot"], timeout: 60)
        #expect(unnamed.status == 2)
        #expect(unnamed.stderr.contains("2 flows (dental_office, driver_emergency): choose the one to draw with --flow NAME"),
                "\(unnamed.stderr)")
        let unknown = try CLITests.ivrc(["report", Self.log, "--bundle", bundle.path, "--graph", "dot", "--flow", "nope"], timeout: 60)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--flow nope: the bundle has no such flow; it has dental_office, driver_emergency"),
                "\(unknown.stderr)")
        let named = try CLITests.ivrc(["report", Self.log, "--bundle", bundle.path, "--graph", "dot", "--flow", "dental_office"],
                                      timeout: 60)
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.contains("label=\"office open\\n6 calls\""), "\(named.stdout)")
    }

    @Test func stepsTheBundleDoesNotHaveAreSaidNotDropped() throws {
        let directory = try Self.workspace("dental_office.ivr")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle")
        let log = directory.appendingPathComponent("old.log")
        let text = try String(contentsOfFile: Self.log, encoding: .utf8).replacingOccurrences(of: "\"step\":\"voicemail\"", with: "\"step\":\"old_voicemail\"")
        try Data(text.utf8).write(to: log)
        let run = try CLITests.ivrc(["report", log.path, "--bundle", bundle.path, "--graph", "dot"], timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("after_hours → old_voicemail (2 calls)"), "\(run.stderr)")
    }

    @Test func aFlowWithoutCallsIsDrawnAtZeroAndSaidSo() throws {
        let workspace = try Self.workspace("driver_emergency.ivr")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let run = try CLITests.ivrc(["report", Self.log, "--bundle", workspace.appendingPathComponent("bundle").path, "--graph", "mermaid"],
                                    timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "ivrc: note: the logs hold no call of driver_emergency; every count is 0\n")
        #expect(run.stdout.contains(": 0 calls\"|") && !run.stdout.contains("ended here"), "\(run.stdout)")
    }

    @Test func svgWithoutGraphvizSaysWhatToInstall() throws {
        let workspace = try Self.workspace("dental_office.ivr")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let svg = workspace.appendingPathComponent("never.svg")
        let run = try CLITests.ivrc(["report", Self.log, "--bundle", workspace.appendingPathComponent("bundle").path, "--graph", "svg",
                                     "-o", svg.path], environment: ["PATH": workspace.path], timeout: 60)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Graphviz's dot is not on PATH: install graphviz"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: svg.path))
    }

    /// The SVG `dot` renders, opened in headless Chromium: every count is laid out as visible
    /// text (a non-empty box), not merely present in the file.
    @Test(.enabled(if: Chromium.path != nil, "chromium is not installed (scripts/setup installs it)"))
    func theSVGShowsTheCountsInABrowser() throws {
        let directory = try Self.workspace("dental_office.ivr")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle")
        let svg = directory.appendingPathComponent("dental_office.svg")
        let run = try CLITests.ivrc(["report", Self.log, "--bundle", bundle.path, "--graph", "svg", "-o", svg.path], timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let shown = try Chromium.renderedText(ofSVG: svg, in: directory)
        for count in ["6 calls", "4 calls", "ended here: 3 calls", "ended here: 2 calls", "ended here: 1 call"] {
            #expect(shown.contains(count), "\(count) not rendered; the browser showed: \(shown)")
        }
    }
}

/// Debian's headless Chromium, run with a bounded wait.
enum Chromium {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The texts of `svg` that Chromium lays out with a non-zero size: the SVG is placed in a
    /// page whose script measures each `<text>` (`getBBox`) and writes the visible ones out
    /// for `--dump-dom`.
    static func renderedText(ofSVG svg: URL, in directory: URL) throws -> [String] {
        let path = try #require(path)
        var drawing = try String(contentsOf: svg, encoding: .utf8)
        if let start = drawing.range(of: "<svg") { drawing = String(drawing[start.lowerBound...]) }
        let page = directory.appendingPathComponent("page.html")
        try Data("""
            <!DOCTYPE html><html><body>\(drawing)
            <pre id="shown"></pre>
            <script>
            const shown = [...document.querySelectorAll("svg text")]
              .filter(t => { const box = t.getBBox(); return box.width > 0 && box.height > 0; })
              .map(t => t.textContent);
            document.getElementById("shown").textContent = shown.join("\\n");
            </script></body></html>
            """.utf8).write(to: page)
        let run = try CLITests.run(URL(fileURLWithPath: path),
                                   ["--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(directory.path)/profile",
                                    "--dump-dom", page.absoluteString],
                                   timeout: 90)
        try #require(run.status == 0, "chromium exited \(run.status): \(run.stderr)")
        let dom = run.stdout
        guard let open = dom.range(of: "<pre id=\"shown\">"), let close = dom.range(of: "</pre>", range: open.upperBound..<dom.endIndex) else {
            Issue.record("no rendered text in the page Chromium dumped: \(dom)")
            return []
        }
        return dom[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }
}
