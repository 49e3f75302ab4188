import Foundation
import IVRTestSupport
import Testing

/// The CI recipe users copy (`examples/ci/ivrc.yml`) passes actionlint and runs the whole
/// toolchain on the Swift ivrc needs.
@Suite struct CIWorkflowTests {
    static let workflow = Repository.file("examples/ci/ivrc.yml")

    /// scripts/setup installs it under .build/tools.
    static var actionlint: URL? {
        let installed = Repository.file(".build/tools/venv/bin/actionlint")
        return FileManager.default.isExecutableFile(atPath: installed.path) ? installed : nil
    }

    @Test func workflowPassesActionlint() throws {
        let actionlint = try #require(Self.actionlint, "actionlint is missing: run scripts/setup")
        let run = try CLITests.run(actionlint, [Self.workflow.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test(arguments: ["ivrc fmt --check \"$FLOWS\"", "ivrc check --format sarif --env \"$IVRC_ENV\" \"$FLOWS\"",
                      "ivrc test --format sarif --coverage-format lcov --coverage-output lcov.info --env \"$IVRC_ENV\" \"$FLOWS\"", "ivrc build \"$FLOWS\" --env \"$IVRC_ENV\" -o bundle"])
    func workflowRunsTheCommand(_ command: String) throws {
        let text = try String(contentsOf: Self.workflow, encoding: .utf8)
        #expect(text.contains(command))
    }

    @Test func workflowUploadsTheTestCoverage() throws {
        let text = try String(contentsOf: Self.workflow, encoding: .utf8)
        #expect(text.contains("name: coverage-${{ matrix.environment }}\n          path: lcov.info"))
    }

    @Test func workflowUsesTheSwiftThatSetupRequiresAndCanUploadFromPrivateRepositories() throws {
        let text = try String(contentsOf: Self.workflow, encoding: .utf8)
        let setup = try String(contentsOf: Repository.file("scripts/setup"), encoding: .utf8)
        let required = try #require(setup.split(separator: "\n").first { $0.hasPrefix("required_swift=") }?.dropFirst("required_swift=".count))
        #expect(text.contains("container: swift:\(required)-"))
        #expect(text.contains("actions: read"))
        #expect(text.contains("IVRC_REF"), "ivrc is built from a pinned tag or commit")
    }
}
