import Foundation
import IVRTestSupport
import Testing

/// The README's onboarding of two clients into one repository, as a designer runs it from the
/// repository's root: `ivrc new … --env production --ci` twice, then the written workflow's own
/// `ivrc` steps, read from its `run:` blocks, run as GitHub would run them there.
@Suite struct NewLineWorkflowTests {
    /// A git repository with one empty commit as `origin/main`: the base of the first pull request.
    static func repository() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-onboarding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("home"), withIntermediateDirectories: true)
        let repository = directory.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        for command in ["git init -q", "git commit -q --allow-empty -m base", "git update-ref refs/remotes/origin/main HEAD"] {
            let run = try Self.shell(command, in: repository)
            try #require(run.status == 0, "\(command): \(run.stderr)")
        }
        return repository
    }

    static let bash = URL(fileURLWithPath: "/bin/bash")

    /// `command` in `folder` with ivrc on PATH and a HOME of its own (the workflow configures git globally).
    static func shell(_ command: String, in folder: URL, environment: [String: String] = [:]) throws -> CLITests.Run {
        let ivrc = try #require(BuiltExecutable.ivrc)
        let home = folder.deletingLastPathComponent().appendingPathComponent("home").path
        let base = ["PATH": ivrc.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                    "HOME": home, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "designer", "GIT_AUTHOR_EMAIL": "designer@example.com",
                    "GIT_COMMITTER_NAME": "designer", "GIT_COMMITTER_EMAIL": "designer@example.com"]
        return try CLITests.run(bash, ["-c", "cd \"$0\" && " + command, folder.path], environment: base.merging(environment) { $1 })
    }

    /// The steps of a workflow as `name` → `run` text, and the job's `env:` values: enough of
    /// YAML for the workflow ivrc writes (block scalars `run: |` and plain `key: value` lines).
    struct Workflow {
        var steps: [(name: String, run: String)] = []
        var jobEnvironment: [String: String] = [:]
        var matrix: [String] = []

        init(_ text: String) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var index = 0, name = "", inJobEnvironment = false
            func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
            while index < lines.count {
                let line = lines[index], trimmed = line.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("    env:") { inJobEnvironment = true; index += 1; continue }
                if inJobEnvironment {
                    if indent(line) == 6, let colon = trimmed.firstIndex(of: ":") {
                        jobEnvironment[String(trimmed[..<colon])] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                        index += 1
                        continue
                    }
                    inJobEnvironment = false
                }
                if trimmed.hasPrefix("environment: [") {
                    matrix = trimmed.dropFirst("environment: [".count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                }
                if trimmed.hasPrefix("- name: ") { name = String(trimmed.dropFirst("- name: ".count)) }
                if trimmed == "run: |" {
                    let body = lines[(index + 1)...].prefix { $0.isEmpty || indent($0) > indent(line) }
                    steps.append((name, body.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")))
                    index += body.count + 1
                    continue
                }
                if trimmed.hasPrefix("run: ") { steps.append((name, String(trimmed.dropFirst("run: ".count)))) }
                index += 1
            }
        }

        /// The steps that run ivrc itself (not the ones that build it or put it on PATH).
        var ivrcSteps: [(name: String, run: String)] {
            steps.filter { step in step.run.split(separator: "\n").contains { $0.hasPrefix("ivrc ") } }
        }
    }

    @Test func twoClientsOnboardedFromTheReadmeGetAWorkflowWhoseStepsPass() throws {
        let repository = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        let first = try Self.shell("ivrc new healthcare lakeview --number +1-800-555-0157 --set nurse=+1-312-555-0199 -o flows/lakeview.ivr --env production --ci",
                                   in: repository)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        // The second client, from inside the flows folder: the same values file and workflow.
        let second = try Self.shell("ivrc new fleet northwind --number +1-888-555-0162 -o northwind.ivr --env production --ci",
                                    in: repository.appendingPathComponent("flows"))
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.contains("added the line's number and deployment values for `production` to ../environments/production.toml"),
                "\(second.stdout)")
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("flows/.github").path))
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("flows/environments").path))
        let values = try String(contentsOf: repository.appendingPathComponent("environments/production.toml"), encoding: .utf8)
        #expect(values.contains("[lakeview]") && values.contains("[northwind]") && values.contains("+1-888-555-0162"), "\(values)")

        let workflowURL = repository.appendingPathComponent(".github/workflows/ivrc.yml")
        let text = try String(contentsOf: workflowURL, encoding: .utf8)
        let actionlint = try #require(CIWorkflowTests.actionlint, "actionlint is missing: run scripts/setup")
        let lint = try CLITests.run(actionlint, [workflowURL.path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")

        let workflow = Workflow(text)
        #expect(workflow.matrix == ["production"])
        #expect(workflow.jobEnvironment["FLOWS"] == "flows")
        #expect(Set(workflow.ivrcSteps.map(\.name)) == ["Formatting", "Check flows", "Run call tests", "Annotate the pull request",
                                                        "Describe the change for callers", "Build the bundle"])
        for command in ["check", "test", "diff", "build"] {
            #expect(workflow.ivrcSteps.contains { $0.run.contains("ivrc \(command) ") && $0.run.contains(#"--env "$IVRC_ENV""#) }, "\(command)")
        }
        let output = repository.deletingLastPathComponent().appendingPathComponent("github-output")
        func runSteps() throws {
            for environment in workflow.matrix {
                var variables = workflow.jobEnvironment.mapValues { $0.replacingOccurrences(of: "${{ matrix.environment }}", with: environment) }
                variables.merge(["BASE": "main", "GITHUB_WORKSPACE": repository.path, "GITHUB_OUTPUT": output.path]) { $1 }
                for step in workflow.ivrcSteps {
                    try? FileManager.default.removeItem(at: output)
                    let run = try Self.shell("set -eo pipefail\n" + step.run, in: repository, environment: variables)
                    #expect(run.status == 0, "\(step.name) (\(environment)): \(run.stdout)\(run.stderr)")
                    let recorded = (try? String(contentsOf: output, encoding: .utf8)) ?? "status=0\n"
                    #expect(recorded == "status=0\n", "\(step.name) (\(environment)) recorded \(recorded)")
                }
            }
        }
        // The first pull request: the base branch has no flows yet.
        try runSteps()
        #expect(try String(contentsOf: repository.appendingPathComponent("caller-diff.md"), encoding: .utf8).contains("no `flows` folder yet"))
        // A later pull request: the base has the flows.
        let commit = try Self.shell("git add flows environments && git commit -q -m flows && git update-ref refs/remotes/origin/main HEAD", in: repository)
        try #require(commit.status == 0, "\(commit.stderr)")
        try runSteps()
        #expect(try String(contentsOf: repository.appendingPathComponent("caller-diff.md"), encoding: .utf8).contains("o change"))
    }

    @Test func withoutEnvironmentsTheWorkflowHasNoMatrixAndStillLints() throws {
        let repository = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository.deletingLastPathComponent()) }
        let run = try Self.shell("ivrc new general front --number +1-312-555-0140 -o lines/front.ivr --ci", in: repository)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let workflowURL = repository.appendingPathComponent(".github/workflows/ivrc.yml")
        let text = try String(contentsOf: workflowURL, encoding: .utf8)
        // The header comment explains the matrix; no step uses one.
        let steps = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.joined(separator: "\n")
        #expect(!steps.contains("--env") && !steps.contains("matrix") && !steps.contains("IVRC_ENV") && text.contains("      FLOWS: lines\n"))
        let actionlint = try #require(CIWorkflowTests.actionlint, "actionlint is missing: run scripts/setup")
        let lint = try CLITests.run(actionlint, [workflowURL.path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        // A workflow edited by hand is never replaced, and nothing is written then.
        try (text + "# edited\n").write(to: workflowURL, atomically: true, encoding: .utf8)
        let again = try Self.shell("ivrc new general back --number +1-312-555-0141 -o lines/back.ivr --ci", in: repository)
        #expect(again.status == 2 && again.stderr.contains("is not the workflow `ivrc new --ci` writes"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("lines/back.ivr").path))
    }
}
