import Foundation
import Testing

/// Inputs a pull request can plant in a flow repository: links to secrets, FIFOs, unreadable
/// folders. Each is refused with exit 2 and one line saying why; none hangs, none is quoted.
@Suite struct HostileInputFileCLITests {
    static let secret = "ghp_FAKE_ivrc_test_secret_\(UUID().uuidString)"
    static let flow = FormatCommandTests.formatted

    /// Every command's output when `path` is a link to the environment holding the secret.
    private func leaksOf(_ arguments: [String]) throws -> CLITests.Run {
        try CLITests.ivrc(arguments, environment: ["IVRC_FAKE_TOKEN": Self.secret], timeout: 60)
    }

    @Test func aSourceLinkToTheEnvironmentIsRefusedAndNeverQuoted() throws {
        try FormatCommandTests.withFiles(["good.ivr": Self.flow]) { directory in
            let link = directory.appendingPathComponent("evil.ivr")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/proc/self/environ")
            let output = directory.appendingPathComponent("bundle").path
            for arguments in [["check", directory.path], ["fmt", "--check", directory.path], ["test", directory.path],
                              ["build", directory.path, "-o", output], ["check", link.path], ["graph", link.path]] {
                let run = try leaksOf(arguments)
                #expect(run.status == 2, "\(arguments)")
                #expect(run.stderr.contains("evil.ivr leads out of"), "\(arguments): \(run.stderr)")
                #expect(!(run.stdout + run.stderr).contains(Self.secret), "\(arguments) leaked the environment")
            }
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test func aTeXMLLinkToTheEnvironmentIsRefusedAndNeverQuoted() throws {
        try FormatCommandTests.withFiles([:]) { directory in
            let link = directory.appendingPathComponent("evil.xml")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/proc/self/environ")
            for command in ["validate", "import"] {
                let run = try leaksOf([command, link.path])
                #expect(run.status == 2, "\(command)")
                #expect(run.stderr.contains("evil.xml leads out of"), "\(command): \(run.stderr)")
                #expect(!(run.stdout + run.stderr).contains(Self.secret), "\(command) leaked the environment")
            }
        }
    }

    @Test func aLinkThatStaysInsideTheTreeIsRead() throws {
        try FormatCommandTests.withFiles([:]) { directory in
            let library = directory.appendingPathComponent("library")
            try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
            try Data(Self.flow.utf8).write(to: library.appendingPathComponent("intake.ivr"))
            let link = directory.appendingPathComponent("intake.ivr")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "library/intake.ivr")
            let run = try CLITests.ivrc(["check", link.path], timeout: 60)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        }
    }

    /// A pull request links `flow.xml` (or `.ivr`, `.toml`) to the workspace's `.env` beside it:
    /// inside the tree, but not a file of the link's kind, so it is refused and never quoted.
    @Test func aLinkToAnotherKindOfFileInsideTheTreeIsRefusedAndNeverQuoted() throws {
        try FormatCommandTests.withFiles(["good.ivr": Self.flow]) { directory in
            try Data("TOKEN=\(Self.secret)\n".utf8).write(to: directory.appendingPathComponent(".env"))
            for name in ["evil.xml", "evil.ivr", "prod.toml"] {
                try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(name).path, withDestinationPath: ".env")
            }
            let xml = directory.appendingPathComponent("evil.xml").path
            for arguments in [["validate", xml], ["import", xml], ["check", directory.path],
                              ["check", directory.appendingPathComponent("evil.ivr").path],
                              ["check", "--env", directory.appendingPathComponent("prod.toml").path,
                               directory.appendingPathComponent("good.ivr").path]] {
                let run = try CLITests.ivrc(arguments, timeout: 60)
                #expect(run.status == 2, "\(arguments): \(run.stderr)")
                #expect(run.stderr.contains("is a symbolic link to something other than a ."), "\(arguments): \(run.stderr)")
                #expect(!(run.stdout + run.stderr).contains(Self.secret), "\(arguments) quoted the linked file")
            }
        }
    }

    @Test(arguments: [["check"], ["fmt"], ["fmt", "--check"], ["build", "-o", "/nonexistent/never-written"]])
    func aFIFONamedLikeASourceIsRefusedWithoutBlocking(_ command: [String]) throws {
        try FormatCommandTests.withFiles(["good.ivr": Self.flow]) { directory in
            let fifo = directory.appendingPathComponent("pipe.ivr")
            #expect(mkfifo(fifo.path, 0o644) == 0)
            for input in [directory.path, fifo.path] {
                let run = try CLITests.ivrc(command + [input], timeout: 60)
                #expect(run.status == 2, "\(command) \(input): \(run.stderr)")
                #expect(run.stderr.contains("pipe.ivr is a FIFO (named pipe), not a regular file"), "\(run.stderr)")
            }
        }
    }

    @Test(arguments: ["validate", "import"])
    func aFIFONamedLikeTeXMLIsRefusedWithoutBlocking(_ command: String) throws {
        try FormatCommandTests.withFiles([:]) { directory in
            let fifo = directory.appendingPathComponent("pipe.xml")
            #expect(mkfifo(fifo.path, 0o644) == 0)
            let run = try CLITests.ivrc([command, fifo.path], timeout: 60)
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("pipe.xml is a FIFO (named pipe), not a regular file"), "\(run.stderr)")
        }
    }

    @Test func aFIFOGivenAsTheCallerScriptIsRefusedWithoutBlocking() throws {
        try FormatCommandTests.withFiles(["good.ivr": Self.flow]) { directory in
            let fifo = directory.appendingPathComponent("caller.script")
            #expect(mkfifo(fifo.path, 0o644) == 0)
            let run = try CLITests.ivrc(["simulate", directory.appendingPathComponent("good.ivr").path, "--script", fifo.path], timeout: 60)
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("caller.script is a FIFO (named pipe), not a regular file"), "\(run.stderr)")
        }
    }

    /// Root reads any folder, so as root the run drops to `nobody` for the permission to bite.
    @Test func anUnreadableSubdirectoryIsAnIOErrorNotAGreenRun() throws {
        try FormatCommandTests.withFiles(["good.ivr": Self.flow]) { directory in
            let locked = directory.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            #expect(chmod(locked.path, 0) == 0)
            defer { chmod(locked.path, 0o755) }
            let wrapper = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
            let run = try CLITests.ivrc(["check", directory.path], timeout: 60, wrapper: wrapper)
            #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("cannot read \(locked.path): Permission denied"), "\(run.stderr)")
        }
    }
}
