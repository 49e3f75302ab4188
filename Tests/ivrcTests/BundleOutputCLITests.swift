import Foundation
import IVRBundle
import TeXMLEmit
import Testing

/// What `ivrc build -o DIR` may replace, and how: never a folder that is not provably a bundle,
/// through a link to the bundle it names, never with nothing, durably, leaving no debris.
@Suite struct BundleOutputCLITests {
    /// A clean flow answering `number`, saying `greeting`.
    static func flow(_ name: String, number: String, greeting: String = "Hello.") -> String {
        "flow \(name)\n  number \(number)\n\n  step main\n    say \"\(greeting)\"\n    hangup\n"
    }

    static let first = flow("first", number: "+18005550157")
    static let second = flow("second", number: "+18005963058")

    private func build(_ source: URL, into output: URL, _ extra: [String] = []) throws -> CLITests.Run {
        try CLITests.ivrc(["build", source.path, "-o", output.path] + extra, timeout: 120)
    }

    private func manifest(_ bundle: URL) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: bundle.appendingPathComponent("manifest.json")))
    }

    private func contents(_ directory: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func aFolderWhoseManifestIsNotABundlesIsNeverReplaced() throws {
        try FormatCommandTests.withFiles(["first.ivr": Self.first]) { directory in
            let extensionFolder = directory.appendingPathComponent("extension")
            try FileManager.default.createDirectory(at: extensionFolder.appendingPathComponent("src"), withIntermediateDirectories: true)
            try Data(#"{"name":"my extension"}"#.utf8).write(to: extensionFolder.appendingPathComponent("manifest.json"))
            try Data("read me".utf8).write(to: extensionFolder.appendingPathComponent("README.md"))
            let before = try contents(extensionFolder)
            let run = try build(directory.appendingPathComponent("first.ivr"), into: extensionFolder)
            #expect(run.status == 2)
            #expect(run.stderr.contains("is not an ivrc bundle"), "\(run.stderr)")
            #expect(try contents(extensionFolder) == before)
        }
    }

    /// `-o /usr`: a directory full of files that is no bundle is refused on its missing
    /// manifest, which is read before anything below it is listed, and left as it was.
    @Test func aLargeDirectoryThatIsNoBundleIsRefusedOnItsManifest() throws {
        try FormatCommandTests.withFiles(["first.ivr": Self.first]) { directory in
            let system = directory.appendingPathComponent("usr")
            for group in 0..<20 {
                let folder = system.appendingPathComponent("lib\(group)/share")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for file in 0..<50 { try Data("x".utf8).write(to: folder.appendingPathComponent("f\(file)")) }
            }
            let before = try contents(system)
            let run = try build(directory.appendingPathComponent("first.ivr"), into: system)
            #expect(run.status == 2)
            #expect(run.stderr.contains("it is not empty and is not an ivrc bundle (its manifest.json:"), "\(run.stderr)")
            #expect(!run.stderr.contains("which its manifest.json does not name"))
            #expect(try contents(system) == before)
        }
    }

    /// A source that would lower to more documents than `serve` loads is refused before it is
    /// lowered: a `bundle-limit` error at the flow's name, exit 1, nothing written.
    @Test func aBuildOverTheDocumentLimitIsALocatedErrorAndWritesNothing() throws {
        let steps = BundleLimits.maxDocuments / 10 + 1
        var source = "flow huge\n  number +1-800-555-0199\n\n"
        for index in 0..<steps {
            source += "  step s\(index)\n    menu tries=10\n      say \"Press 1.\"\n      on 1 -> s\((index + 1) % steps)\n"
                + "      on timeout -> s0\n      on invalid -> s0\n\n"
        }
        try FormatCommandTests.withFiles(["huge.ivr": source]) { directory in
            let output = directory.appendingPathComponent("bundle")
            let run = try build(directory.appendingPathComponent("huge.ivr"), into: output)
            #expect(run.status == 1)
            #expect(run.stdout.contains("huge.ivr:1:6: error[bundle-limit]: flow `huge` would write \(steps * 10) documents, "
                + "over the bundle limit of \(BundleLimits.maxDocuments)"), "\(run.stdout)")
            #expect(run.stderr.contains("no bundle written"))
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    /// After an upgrade, the bundle an older ivrc wrote (another format) is still replaced.
    @Test func aBundleOfAnotherFormatVersionIsReplaced() throws {
        try FormatCommandTests.withFiles(["first.ivr": Self.first]) { directory in
            let source = directory.appendingPathComponent("first.ivr"), bundle = directory.appendingPathComponent("bundle")
            #expect(try build(source, into: bundle).status == 0)
            let path = bundle.appendingPathComponent("manifest.json")
            let older = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "\"formatVersion\" : \(Manifest.currentFormatVersion)", with: "\"formatVersion\" : 0")
            try older.write(to: path, atomically: false, encoding: .utf8)
            let run = try build(source, into: bundle)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try manifest(bundle).formatVersion == Manifest.currentFormatVersion)
        }
    }

    @Test(arguments: [".git/HEAD", "NOTES.md"])
    func aBundleHoldingAnythingItsManifestDoesNotNameIsNeverReplaced(_ stranger: String) throws {
        try FormatCommandTests.withFiles(["first.ivr": Self.first]) { directory in
            let source = directory.appendingPathComponent("first.ivr")
            let bundle = directory.appendingPathComponent("bundle")
            #expect(try build(source, into: bundle).status == 0)
            let extra = bundle.appendingPathComponent(stranger)
            try FileManager.default.createDirectory(at: extra.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("precious".utf8).write(to: extra)
            let before = try contents(bundle)
            let run = try build(source, into: bundle)
            #expect(run.status == 2)
            let named = stranger.split(separator: "/").first.map(String.init) ?? stranger
            #expect(run.stderr.contains("it holds \(named) "), "\(run.stderr)")
            #expect(run.stderr.contains("which its manifest.json does not name"), "\(run.stderr)")
            #expect(try contents(bundle) == before)
        }
    }

    @Test func aLinkedOutputReplacesTheBundleItNamesAndStaysALink() throws {
        try FormatCommandTests.withFiles(["first.ivr": Self.first, "second.ivr": Self.second]) { directory in
            let release = directory.appendingPathComponent("releases/1")
            let current = directory.appendingPathComponent("current")
            #expect(try build(directory.appendingPathComponent("first.ivr"), into: release).status == 0)
            try FileManager.default.createSymbolicLink(atPath: current.path, withDestinationPath: "releases/1")
            let run = try build(directory.appendingPathComponent("second.ivr"), into: current)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: current.path) == "releases/1")
            #expect(try manifest(release).flows.map(\.name) == ["second"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: release.deletingLastPathComponent().path) == ["1"])
        }
    }

    @Test func aLinkToNothingIsRefused() throws {
        try FormatCommandTests.withFiles(["first.ivr": Self.first]) { directory in
            let dangling = directory.appendingPathComponent("current")
            try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "releases/9")
            let run = try build(directory.appendingPathComponent("first.ivr"), into: dangling)
            #expect(run.status == 2)
            #expect(run.stderr.contains("is a symbolic link to nothing"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("releases").path))
        }
    }

    @Test func aBuildWithNoFlowWritesNothingUnlessAllowed() throws {
        try FormatCommandTests.withFiles(["first.ivr": Self.first, "truncated.ivr": ""]) { directory in
            let bundle = directory.appendingPathComponent("bundle")
            #expect(try build(directory.appendingPathComponent("first.ivr"), into: bundle).status == 0)
            let empty = directory.appendingPathComponent("truncated.ivr")
            let refused = try build(empty, into: bundle)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("the input holds no flow"), "\(refused.stderr)")
            #expect(try manifest(bundle).flows.map(\.name) == ["first"])
            let allowed = try build(empty, into: bundle, ["--allow-empty"])
            #expect(allowed.status == 0, "\(allowed.stderr)")
            #expect(try manifest(bundle).flows.isEmpty)
        }
    }

    @Test func stagingLeftByDeadBuildsIsRemovedAndARunningBuildsIsKept() throws {
        try FormatCommandTests.withFiles(["first.ivr": Self.first]) { directory in
            let finished = Process()
            finished.executableURL = URL(fileURLWithPath: "/bin/true")
            try finished.run()
            finished.waitUntilExit()
            let dead = ".bundle.tmp-\(finished.processIdentifier)", running = ".bundle.tmp-\(getpid())"
            for debris in [dead, dead + ".old", running] {
                let junk = directory.appendingPathComponent(debris).appendingPathComponent("patient/welcome.xml")
                try FileManager.default.createDirectory(at: junk.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("<Response/>".utf8).write(to: junk)
            }
            let run = try build(directory.appendingPathComponent("first.ivr"), into: directory.appendingPathComponent("bundle"))
            #expect(run.status == 0, "\(run.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(left == [running, "bundle", "first.ivr"])
        }
    }

    /// Traced system calls: the staged files flushed (one `syncfs`) before the swap, the parent after.
    @Test func theStagedBundleIsFlushedBeforeTheSwapAndTheParentAfter() throws {
        try FormatCommandTests.withFiles(["first.ivr": Self.first, "second.ivr": Self.second]) { directory in
            let bundle = directory.appendingPathComponent("bundle")
            let trace = directory.appendingPathComponent("trace.log")
            for (round, source) in ["first.ivr", "second.ivr"].enumerated() {
                let run = try CLITests.ivrc(["build", directory.appendingPathComponent(source).path, "-o", bundle.path], timeout: 120,
                                            wrapper: ["/usr/bin/strace", "-f", "-qq", "-e", "trace=syncfs,fsync,rename,renameat2", "-o", trace.path])
                #expect(run.status == 0, "\(run.stderr)")
                let calls = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n").filter { $0.contains(" = 0") }
                let swap = try #require(calls.firstIndex { $0.contains(round == 0 ? "rename(" : "renameat2(") }, "\(calls)")
                #expect(calls[..<swap].contains { $0.contains("syncfs(") }, "staged files not flushed before the swap: \(calls)")
                #expect(calls[swap...].contains { $0.contains("fsync(") }, "the parent is not flushed after the swap: \(calls)")
            }
        }
    }
}
