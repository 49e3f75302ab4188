import Foundation
import IVRBundle
import IVRTestSupport
import TeXMLEmit
import Testing

/// `kill -9` at random moments of real `ivrc build` runs: the target always holds the complete
/// old bundle or the complete new one (it loads, hashes and routes verified), never nothing,
/// and the next build that finishes removes what the killed ones left.
@Suite struct BundleSwapKillTests {
    static let kills = 20
    static let flowCount = 200

    /// `flowCount` flows whose greeting names `version`, so the two bundles differ in every document.
    private func writeFlows(_ version: String, into directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<Self.flowCount {
            let source = BundleOutputCLITests.flow("line\(index)", number: "+1800555\(1000 + index)", greeting: "Version \(version).")
            try Data(source.utf8).write(to: directory.appendingPathComponent("line\(index).ivr"))
        }
    }

    private func startBuild(_ input: URL, into output: URL, store: Bool) throws -> Process {
        let process = Process()
        let executable = try #require(BuiltExecutable.ivrc, "ivrc was not built next to the tests")
        process.executableURL = executable
        process.arguments = ["build", input.path, "-o", output.path] + (store ? ["--store"] : [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Also into a bundle store, whose `current` must always name a complete build.
    @Test(arguments: [false, true]) func aKilledBuildLeavesTheOldBundleOrTheNewNeverNone(store: Bool) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputs = ["old": scratch.appendingPathComponent("old"), "new": scratch.appendingPathComponent("new")]
        for (version, directory) in inputs { try writeFlows(version, into: directory) }
        let output = scratch.appendingPathComponent("out")
        let bundle = output.appendingPathComponent("bundle")
        var manifests: [String: Manifest] = [:]
        var duration = 0.0
        for version in ["new", "old"] {
            let start = Date()
            let build = try startBuild(try #require(inputs[version]), into: bundle, store: store)
            build.waitUntilExit()
            duration = max(duration, Date().timeIntervalSince(start))
            #expect(build.terminationStatus == 0)
            manifests[version] = try LoadedBundle(directory: bundle).manifest
        }
        var present = "old", seen: [String: Int] = [:]
        for kill in 1...Self.kills {
            let next = present == "old" ? "new" : "old"
            let delay = Double.random(in: 0...(duration * 1.2))
            let build = try startBuild(try #require(inputs[next]), into: bundle, store: store)
            Thread.sleep(forTimeInterval: delay)
            Glibc.kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            let loaded = try #require(try? LoadedBundle(directory: bundle), "kill \(kill) after \(delay) s left no loadable bundle")
            let version = try #require(manifests.first { $0.value == loaded.manifest }?.key, "kill \(kill): a bundle neither old nor new")
            seen[version, default: 0] += 1
            present = version
        }
        let final = try startBuild(try #require(inputs["old"]), into: bundle, store: store)
        final.waitUntilExit()
        #expect(final.terminationStatus == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["bundle"], "debris after \(seen)")
        if store {
            let hidden = try FileManager.default.contentsOfDirectory(atPath: bundle.path + "/bundles").filter { $0.hasPrefix(".") }
                + FileManager.default.contentsOfDirectory(atPath: bundle.path).filter { $0.hasPrefix(".") && $0 != ".lock" }
            #expect(hidden.isEmpty, "debris in the store after \(seen)")
        }
    }
}
