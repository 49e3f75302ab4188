import Foundation
import IVRTestSupport
import Testing

/// The built `ivrc` run as CI runs it: exit status, stdout, stderr.
@Suite struct CLITests {
    static let fixtures = Repository.tests("ivrcTests/Fixtures")

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func ivrc(_ arguments: String..., stdin: URL? = nil) throws -> Run {
        try ivrc(arguments, stdin: stdin)
    }

    /// `environment` is added to the test's own; after `timeout` seconds the run is killed
    /// (status 9), so a command that would hang fails its test instead of stalling the suite.
    /// `wrapper` runs ivrc through another program (`setpriv …` to drop root).
    static func ivrc(_ arguments: [String], stdin: URL? = nil, environment: [String: String] = [:],
                     timeout: Double? = nil, wrapper: [String] = []) throws -> Run {
        let executable = try #require(BuiltExecutable.ivrc, "ivrc was not built next to the tests (\(Bundle.main.bundleURL.path))")
        return try run(executable, arguments, stdin: stdin, environment: environment, timeout: timeout, wrapper: wrapper)
    }

    /// Runs any program from the fixtures folder; stderr is drained while stdout is read, so a
    /// command that writes a lot to both cannot block on a full pipe.
    static func run(_ executable: URL, _ arguments: [String], stdin: URL? = nil, environment: [String: String] = [:],
                    timeout: Double? = nil, wrapper: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = wrapper.first.map { URL(fileURLWithPath: $0) } ?? executable
        process.arguments = wrapper.isEmpty ? arguments : wrapper.dropFirst() + [executable.path] + arguments
        process.currentDirectoryURL = fixtures
        process.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["NO_COLOR": "1"]) { $1 }) { $1 }
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) }
        try process.run()
        nonisolated(unsafe) var stderrData = Data()
        let stderrRead = DispatchGroup()
        let stderrHandle = err.fileHandleForReading
        DispatchQueue.global().async(group: stderrRead) { stderrData = stderrHandle.readDataToEndOfFile() }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        stderrRead.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderrData, as: UTF8.self))
    }

    @Test func cleanFlowExitsZero() throws {
        let run = try Self.ivrc("check", "clean.ivr")
        #expect(run.status == 0)
        #expect(run.stdout == "1 flow, 0 errors, 0 warnings\n")
        #expect(try Self.ivrc("check", "--format", "json", "clean.ivr").stdout.contains("\"diagnostics\""))
    }

    @Test func errorsExitOneInEveryFormat() throws {
        for format in ["text", "json", "sarif", "github"] {
            let run = try Self.ivrc("check", "--format", format, "broken.ivr")
            #expect(run.status == 1, "\(format)")
            #expect(!run.stdout.isEmpty, "\(format)")
        }
    }

    @Test func sarifOutputIsJSONWithTheCompilerVersion() throws {
        let run = try Self.ivrc("check", "--format", "sarif", "broken.ivr")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let versionRun = try Self.ivrc("--version")
        let version = versionRun.stdout.split(separator: " ").first.map(String.init) ?? ""
        #expect(!version.isEmpty && run.stdout.contains("\"version\" : \"\(version)\""))
    }

    /// `--version` names the commit the binary was built from, one this repository holds.
    @Test func versionNamesTheCommitBuilt() throws {
        let shown = try Self.ivrc("--version").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = shown.split(separator: " ")
        try #require(parts.count == 2 && parts[1].hasPrefix("(") && parts[1].hasSuffix(")"), "\(shown)")
        let commit = String(parts[1].dropFirst().dropLast())
        let hash = commit.hasSuffix("-dirty") ? String(commit.dropLast("-dirty".count)) : commit
        #expect(hash.count == 12 && hash.allSatisfy(\.isHexDigit), "\(shown)")
        let known = try Self.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", Repository.root.path, "cat-file", "-e", hash + "^{commit}"])
        #expect(known.status == 0, "\(shown): \(known.stderr)")
    }

    @Test func githubFormatPrintsWorkflowCommands() throws {
        let run = try Self.ivrc("check", "--format", "github", "broken.ivr")
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
    }

    @Test func unknownFormatIsAUsageError() throws {
        let run = try Self.ivrc("check", "--format", "xml", "clean.ivr")
        #expect(run.status == 2)
    }

    @Test func explainUnknownIDExitsTwoWithSuggestion() throws {
        let run = try Self.ivrc("explain", "undefined-stpe")
        #expect(run.status == 2)
        #expect(run.stderr.contains("did you mean `undefined-step`?"))
    }

    @Test func explainKnownIDPrintsItsExplanation() throws {
        let run = try Self.ivrc("explain", "unknown-option")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("unknown-option (error, every flow)"))
    }

    /// The reported example is run and its finding printed as `check` prints it, caret under the span.
    @Test func explainPointsAtTheReportedExampleAsCheckDoes() throws {
        let run = try Self.ivrc("explain", "undefined-step")
        #expect(run.status == 0)
        #expect(run.stdout.contains("    example.ivr:5:29: error[undefined-step]: there is no step named `voicemial`\n"))
        #expect(run.stdout.contains("    5 |     dial +1-555-010-0200 -> voicemial\n"))
        #expect(run.stdout.contains("|                             ^^^^^^^^^\n"))
        #expect(!run.stdout.contains("↓"))
    }

    @Test func rulesListsTheCatalogue() throws {
        let run = try Self.ivrc("rules")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("RULE"))
    }

    @Test func buildRefusesBrokenFlowsWithExitOne() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try Self.ivrc("build", "--format", "json", "-o", output.path, "broken.ivr")
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(run.stdout.hasPrefix("{"))
    }
}
