import Foundation
import IVRTestSupport
import Testing

/// `scripts/setup --compiler-only` is the designer's path: what the build needs and nothing of
/// the server's, tests' or benchmarks' tools; the README says so, with the build's time and its
/// need for GitHub.
@Suite struct SetupScriptTests {
    static let script = Repository.file("scripts/setup")

    @Test func compilerOnlyInstallsNoToolOfTheTests() throws {
        // Everything the build needs is on this machine (it built the tests), so nothing installs.
        let run = try CLITests.run(URL(fileURLWithPath: "/bin/bash"), [Self.script.path, "--compiler-only"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains("installing"))
        let unknown = try CLITests.run(URL(fileURLWithPath: "/bin/bash"), [Self.script.path, "--everything"])
        #expect(unknown.status == 2 && unknown.stderr.contains("--compiler-only"))
    }

    @Test func theReadmeGivesTheBuildTimeTheNetworkAndTheCompilerOnlyPath() throws {
        let readme = try String(contentsOf: Repository.file("README.md"), encoding: .utf8)
        for fact in ["scripts/setup --compiler-only", "github.com", "minutes on 2 cores"] {
            #expect(readme.contains(fact), "\(fact)")
        }
    }
}
