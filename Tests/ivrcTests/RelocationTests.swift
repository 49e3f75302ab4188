import Foundation
import IVRTestSupport
import Testing

/// `ivrc` is one file: copied anywhere (a container stage, /usr/local/bin) with the build
/// directory gone, it still checks and builds, because nothing is loaded from beside it.
@Suite struct RelocationTests {
    static let example = Repository.examples.appendingPathComponent("patient_intake.ivr")

    /// A resource bundle is found through a path compiled into the binary; none may be named.
    @Test func binaryNamesNoResourceBundle() throws {
        let executable = try #require(BuiltExecutable.ivrc)
        let binary = try Data(contentsOf: executable)
        #expect(binary.range(of: Data(".resources".utf8)) == nil)
    }

    /// Private mount namespaces (`unshare`) let the test hide the build directory from the copy
    /// without touching it; containers that forbid them cannot run this test.
    static let canHideDirectories: Bool = {
        guard let run = try? CLITests.run(URL(fileURLWithPath: "/usr/bin/unshare"),
                                          ["-rm", "sh", "-c", "mount -t tmpfs none /mnt"]) else { return false }
        return run.status == 0
    }()

    @Test(.enabled(if: canHideDirectories)) func copiedBinaryChecksAndBuildsWithoutItsBuildDirectory() throws {
        let executable = try #require(BuiltExecutable.ivrc).resolvingSymlinksInPath()
        let buildDirectory = executable.deletingLastPathComponent()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-relocated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent("ivrc")
        try FileManager.default.copyItem(at: executable, to: copy)
        let flow = scratch.appendingPathComponent("patient_intake.ivr")
        try FileManager.default.copyItem(at: Self.example, to: flow)
        let bundle = scratch.appendingPathComponent("bundle")

        // Inside its own mount namespace, the build directory is an empty tmpfs.
        let script = #"mount -t tmpfs none "$1" && "$2" check "$3" && "$2" build "$3" -o "$4" && "$2" validate "$4"/*/*.xml"#
        let run = try CLITests.run(URL(fileURLWithPath: "/usr/bin/unshare"),
                                   ["-rm", "sh", "-c", script, "sh", buildDirectory.path, copy.path, flow.path, bundle.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: bundle.appendingPathComponent("manifest.json").path))
    }
}
