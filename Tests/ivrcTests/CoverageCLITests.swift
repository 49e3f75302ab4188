import Foundation
import Testing

/// `ivrc test --coverage`: the summary per flow, the floor `--min-coverage` sets, and an lcov
/// file the real `genhtml` renders.
@Suite struct CoverageCLITests {
    /// Four branches (keys 1 and 2, timeout, invalid); the one test reaches key 1 only.
    static let flow = """
        flow line
          number +1-800-555-0157

          step welcome
            menu
              say "For sales press 1, for support press 2."
              on 1 -> sales
              on 2 -> sales
              on timeout -> sales
              on invalid -> sales

          step sales
            say "Sales."
            hangup

          test "one reaches sales"
            press 1
            expect say "Sales."

        """

    @Test func belowTheFloorTheRunFailsAndSaysWhy() throws {
        try HostileInputCLITests.withFile("line.ivr", Self.flow) { file in
            let run = try CLITests.ivrc("test", "--min-coverage", "80", file.path)
            #expect(run.status == 1)
            #expect(run.stdout.contains("coverage line: steps 2/2 (100.0%), branches 1/4 (25.0%)\n"), "\(run.stdout)")
            #expect(run.stdout.contains("\(file.path):8:7: menu in `welcome`: key 2\n"))
            #expect(run.stdout.hasSuffix("1 passed, 0 failed\n"))
            #expect(run.stderr == "ivrc: error: the tests reach 1/4 (25.0%) of the flows' branches, below --min-coverage 80 %; "
                + "add test blocks for the branches listed as not reached\n")
        }
    }

    @Test func atOrAboveTheFloorTheRunPasses() throws {
        try HostileInputCLITests.withFile("line.ivr", Self.flow) { file in
            let run = try CLITests.ivrc("test", "--min-coverage", "25", file.path)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.isEmpty)
        }
    }

    @Test func genhtmlRendersTheLcovFile() throws {
        let genhtml = try #require(["/usr/bin/genhtml", "/usr/local/bin/genhtml"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "genhtml is not installed: run scripts/setup")
        try HostileInputCLITests.withFile("line.ivr", Self.flow) { file in
            let directory = file.deletingLastPathComponent()
            let lcov = directory.appendingPathComponent("lcov.info")
            let run = try CLITests.ivrc("test", "--coverage-format", "lcov", "--coverage-output", lcov.path, file.path)
            #expect(run.status == 0, "\(run.stderr)")
            let written = try String(contentsOf: lcov, encoding: .utf8)
            #expect(written.hasPrefix("TN:\nSF:\(file.path)\n"))
            #expect(written.contains("BRDA:7,0,0,1\nBRDA:8,0,1,0\n"))
            let html = directory.appendingPathComponent("html")
            let rendered = try CLITests.run(URL(fileURLWithPath: genhtml), ["--branch-coverage", "--quiet", "-o", html.path, lcov.path], timeout: 60)
            #expect(rendered.status == 0, "\(rendered.stderr)")
            #expect(FileManager.default.fileExists(atPath: html.appendingPathComponent("index.html").path))
        }
    }

    @Test func coverageNeedsTheTestBlocksThroughTheBundle() throws {
        try HostileInputCLITests.withFile("line.ivr", Self.flow) { file in
            let run = try CLITests.ivrc("test", "--coverage", "--paths", file.path)
            #expect(run.status == 2)
            #expect(run.stderr.contains("--coverage counts the test blocks' calls through the compiled bundle"))
            let bad = try CLITests.ivrc("test", "--min-coverage", "101", file.path)
            #expect(bad.status == 2 && bad.stderr.contains("--min-coverage is a percentage from 0 to 100"))
        }
    }
}
