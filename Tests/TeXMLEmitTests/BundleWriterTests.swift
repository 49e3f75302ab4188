import Foundation
import IVRBundle
import IVRTestSupport
import TeXMLEmit
import Testing

@Suite struct BundleWriterTests {
    @Test func buildsAreByteForByteIdentical() throws {
        let first = Compile.temporaryDirectory(), second = Compile.temporaryDirectory()
        defer { for url in [first, second] { try? FileManager.default.removeItem(at: url) } }
        try BundleWriter.write(try Compile.bundle(ExampleFlows.sources()), to: first, compilerVersion: "test")
        try BundleWriter.write(try Compile.bundle(ExampleFlows.sources()), to: second, compilerVersion: "test")
        let names = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
        #expect(names == (try FileManager.default.subpathsOfDirectory(atPath: second.path).sorted()))
        for name in names where name.hasSuffix(".xml") || name.hasSuffix(".json") {
            #expect((try Data(contentsOf: first.appendingPathComponent(name)))
                == (try Data(contentsOf: second.appendingPathComponent(name))), "\(name) differs")
        }
    }

    @Test func manifestHashesEveryDocument() throws {
        let bundle = try Compile.bundle(ExampleFlows.sources())
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        #expect(manifest.documents.keys.sorted() == bundle.documents.keys.sorted())
        for (path, entry) in manifest.documents {
            #expect(entry.sha256 == DocumentHash.sha256(bundle.documents[path]!))
            #expect(entry.sha256.count == 64)
        }
        #expect(DocumentHash.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// The manifest's `dailyCallTarget` (what `ivrc serve` exports for the quiet-line alerts) is
    /// the flow's `daily-call-target`, else its industry's (healthcare 100, fleet 50), else absent.
    @Test func theManifestCarriesEachFlowsDailyCallTarget() throws {
        func flow(_ name: String, _ number: String, _ settings: String) -> String {
            "flow \(name)\n  number \(number)\n\(settings)\n  step start\n    hangup\n"
        }
        let bundle = try Compile.bundle(Compile.sources([
            "a.ivr": flow("set", "+1-800-555-0157", "  daily-call-target 240"),
            "b.ivr": flow("plain", "+1-800-596-3059", ""),
        ]))
        let targets = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: []).flows.map { "\($0.name) \($0.dailyCallTarget ?? 0)" }
        #expect(targets.sorted() == ["plain 0", "set 240"], "industries' targets: the examples' manifest golden")
    }

    @Test func replacingAnEarlierBundleLeavesNoStagingBehind() throws {
        let parent = Compile.temporaryDirectory()
        let target = parent.appendingPathComponent("bundle")
        defer { try? FileManager.default.removeItem(at: parent) }
        let bundle = try Compile.bundle(ExampleFlows.sources())
        try BundleWriter.write(bundle, to: target, compilerVersion: "one")
        try BundleWriter.write(bundle, to: target, compilerVersion: "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["bundle"])
        let manifest = try String(contentsOf: target.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"compilerVersion\" : \"two\""))
    }

    @Test func refusesToReplaceADirectoryThatIsNotABundle() throws {
        let target = Compile.temporaryDirectory()
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: target) }
        try Data("precious".utf8).write(to: target.appendingPathComponent("notes.txt"))
        #expect(throws: BundleWriter.Failure.self) {
            try BundleWriter.write(try Compile.bundle(ExampleFlows.sources()), to: target, compilerVersion: "x")
        }
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("notes.txt").path))
    }
}
