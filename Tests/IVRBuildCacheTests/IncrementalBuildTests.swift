import Foundation
import IVRBuildCache
import IVRBundle
import IVRCheck
import IVRLang
import TeXMLEmit
import Testing

/// A store build made from the last build's snapshot gives byte for byte what the whole build
/// gives, or is not made.
@Suite struct IncrementalBuildTests {
    private static let setting = BuildSetting(compilerVersion: "test", commit: "test", baseURL: nil)

    /// Flow `index` of a small line: its own number, a desk it dials, `extra` lines in its first step.
    private static func flow(_ index: Int, greeting: String = "Hello", extra: String = "", tail: String = "") -> SourceFile {
        SourceFile(path: "flows/f\(index).ivr", text: """
            flow f\(index)
              number +1-800-555-\(1000 + index)

              step start
                say "\(greeting) from line \(index)."
            \(extra)    menu timeout=5s
                  say "For the desk, press 1."
                  on 1 -> desk
                  on timeout -> desk
                  on invalid -> desk

              step desk
                dial +1-312-555-\(2000 + index) -> bye

              step bye
                say "Goodbye."
                hangup
            \(tail)
            """)
    }

    /// Five lines; the third has a step nothing reaches (a warning).
    private static func lines() -> [SourceFile] {
        (0..<5).map { $0 == 2 ? flow($0, tail: "\n  step orphan\n    hangup\n") : flow($0) }
    }

    /// The whole build of `sources`: its check, its manifest's bytes, its snapshot.
    private static func whole(_ sources: [SourceFile]) throws -> (result: Checker.Result, manifest: [UInt8], snapshot: BuildSnapshot) {
        let result = Checker.check(sources)
        try #require(!result.hasErrors, "\(DiagnosticRenderer(sources: sources).render(result.diagnostics))")
        let compiled = try Compiler.compile(Compiler.lower(result.graph))
        let manifest = BundleWriter.manifestBytes(for: compiled, compilerVersion: "test", waivers: [])
        let snapshot = try #require(IncrementalBuild.snapshot(of: sources, result: result, compiled: compiled, setting: setting))
        return (result, manifest, snapshot)
    }

    /// `snapshot` written into a directory and read back, as the next build reads it.
    private static func roundTrip(_ snapshot: BuildSnapshot, setting: BuildSetting = setting) throws -> BuildSnapshot? {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let store = BundleStoreDirectory(root: root)
        snapshot.write(in: store)
        return BuildSnapshot.read(in: store, setting: setting)
    }

    @Test func aBuildFromTheSnapshotIsTheWholeBuildByteForByte() throws {
        let first = try Self.whole(Self.lines())
        let snapshot = try #require(try Self.roundTrip(first.snapshot))
        // One line changed, one added, one removed.
        var sources = Self.lines()
        sources[1] = Self.flow(1, greeting: "Welcome")
        sources.remove(at: 3)
        sources.append(Self.flow(7))
        let expected = try Self.whole(sources)
        let checked = try #require(IncrementalBuild.check(sources, snapshot: snapshot, setting: Self.setting))
        #expect(checked.changed.files.map(\.source.path) == ["flows/f1.ivr", "flows/f7.ivr"], "only what changed is checked")
        #expect(checked.diagnostics == expected.result.diagnostics)
        #expect(checked.diagnostics.map(\.id) == ["unreachable-step"], "the unchanged line's warning is reported again")
        #expect(checked.flowCount == 5)
        let compiled = try Compiler.compile(Compiler.lower(checked.changed.graph))
        let (build, next) = IncrementalBuild.assemble(checked, compiled: compiled, compilerVersion: "test", setting: Self.setting)
        #expect(build.manifest == expected.manifest, "the same manifest, so the same bundle id")
        #expect(build.documents.count == compiled.documentCount, "only the changed lines' documents are compiled")
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(build.manifest))
        #expect(build.kept.count + build.documents.count == manifest.documents.count)
        // The next build from the snapshot this one leaves has nothing to check.
        let nextSnapshot = try #require(try Self.roundTrip(next))
        let again = try #require(IncrementalBuild.check(sources, snapshot: nextSnapshot, setting: Self.setting))
        #expect(again.changed.files.isEmpty)
        #expect(again.diagnostics == expected.result.diagnostics)
    }
}
