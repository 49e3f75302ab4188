import Foundation
import IVRBuildCache
import IVRBundle
import IVRCheck
import IVREnvironment
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

    /// The whole build of `sources` (with `environment`'s values): its check, its manifest's
    /// bytes, its snapshot.
    private static func whole(_ sources: [SourceFile], environment: EnvironmentValues? = nil,
                              setting: BuildSetting = setting) throws -> (result: Checker.Result, manifest: [UInt8], snapshot: BuildSnapshot,
                                                                          documentBytes: Int) {
        let result = Checker.check(sources, environment: environment)
        try #require(!result.hasErrors, "\(DiagnosticRenderer(sources: sources).render(result.diagnostics))")
        let compiled = try Compiler.compile(Compiler.lower(result.graph))
        let manifest = BundleWriter.manifestBytes(for: compiled, compilerVersion: "test", waivers: [],
                                                  environment: environment.map { Manifest.Environment($0, used: result.environmentUsed) })
        let snapshot = try #require(IncrementalBuild.snapshot(of: sources, environment: environment, result: result, compiled: compiled,
                                                              build: "0123456789ab", setting: setting) { _ in nil })
        return (result, manifest, snapshot, compiled.documents.values.reduce(0) { $0 + $1.count })
    }

    /// `snapshot` written into a directory and read back, as the next build reads it.
    private static func roundTrip(_ snapshot: BuildSnapshot, setting: BuildSetting = setting) throws -> BuildSnapshot? {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let store = BundleStoreDirectory(root: root)
        snapshot.write(in: store, flushing: true)
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
        #expect(build.keptBytes + build.documents.values.reduce(0) { $0 + $1.count } == expected.documentBytes)
        // The next build from the snapshot this one leaves has nothing to check.
        let nextSnapshot = try #require(try Self.roundTrip(next))
        let again = try #require(IncrementalBuild.check(sources, snapshot: nextSnapshot, setting: Self.setting))
        #expect(again.changed.files.isEmpty)
        #expect(again.diagnostics == expected.result.diagnostics)
    }

    /// Each change whose check needs more than the changed file: the whole build does it.
    @Test(arguments: [
        ("dials another line's number at once", flow(1, extra: "    dial +1-800-555-1002\n")),
        ("takes another line's number", SourceFile(path: "flows/f1.ivr", text: String(decoding: flow(1).bytes, as: UTF8.self).replacingOccurrences(of: "555-1001", with: "555-1003"))),
        ("has an error", flow(1, extra: "    goto nowhere\n")),
        ("uses a module", SourceFile(path: "flows/f1.ivr", text: String(decoding: flow(1).bytes, as: UTF8.self).replacingOccurrences(of: "  step start\n", with: "  use greeting\n\n  step start\n")
            + "\nmodule greeting\n  step hello\n    say \"Hi\"\n    hangup\n")),
        ("waives a finding", flow(1, tail: "\n  # ivrc: allow unreachable-step -- kept for the night line\n  step orphan\n    hangup\n")),
    ])
    func aChangeOnlyAWholeCheckCanJudgeIsLeftToIt(_ what: String, _ changed: SourceFile) throws {
        let snapshot = try Self.whole(Self.lines()).snapshot
        var sources = Self.lines()
        sources[1] = changed
        #expect(IncrementalBuild.check(sources, snapshot: snapshot, setting: Self.setting) == nil, "a line that \(what)")
    }

    /// `bytes` with the offset of the first flow line (`flow ESTIMATE BYTES OFFSET …`) replaced.
    private static func replacingFirstFlowsOffset(in bytes: [UInt8], with offset: String) -> [UInt8] {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("flow ") }) else { return bytes }
        var fields = lines[index].split(separator: " ").map(String.init)
        fields[3] = offset
        lines[index] = fields.joined(separator: " ")
        return Array(lines.joined(separator: "\n").utf8)
    }

    @Test func aSnapshotOfAnotherSettingOrDamagedIsNoSnapshot() throws {
        let snapshot = try Self.whole(Self.lines()).snapshot
        #expect(try Self.roundTrip(snapshot, setting: BuildSetting(compilerVersion: "test", commit: "test", baseURL: "https://ivr.example.com")) == nil,
                "another base URL")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let store = BundleStoreDirectory(root: root)
        snapshot.write(in: store, flushing: true)
        let file = root.appendingPathComponent("cache/snapshot")
        let bytes = try [UInt8](Data(contentsOf: file))
        #expect(BuildSnapshot.read(in: store, setting: Self.setting) != nil)
        let headerEnd = try #require(bytes.firstIndex(of: UInt8(ascii: "\n")))
        let damaged: [(String, [UInt8])] = [
            ("truncated", Array(bytes.prefix(bytes.count / 2))),
            ("data cut short", Array(bytes.dropLast(10))),
            ("another format", Array("ivrc-build-snapshot 2".utf8) + bytes[headerEnd...]),
            ("a header length past the end", Array("ivrc-build-snapshot 1 99999999999".utf8) + bytes[headerEnd...]),
            ("an extent outside the data", Self.replacingFirstFlowsOffset(in: bytes, with: "999999999")),
            ("an offset that is no number", Self.replacingFirstFlowsOffset(in: bytes, with: "x")),
            ("empty", []),
        ]
        for (what, bytes) in damaged {
            try Data(bytes).write(to: file)
            #expect(BuildSnapshot.read(in: store, setting: Self.setting) == nil, "\(what)")
        }
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        #expect(BuildSnapshot.read(in: store, setting: Self.setting) == nil, "a link is not followed")
    }

    /// A snapshot is as trusted as the store; still, a recorded diagnostic is rendered against
    /// the file as it is now, so one naming a line the file does not have (the renderer would
    /// quote it) or a column a terabyte to the right (it would pad a caret that wide) takes the
    /// whole build.
    @Test(arguments: [("line", 9999), ("column", 1_000_000_000_000)])
    func aRecordedDiagnosticOutsideItsFileTakesTheWholeBuild(_ field: String, _ value: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let store = BundleStoreDirectory(root: root)
        try Self.whole(Self.lines()).snapshot.write(in: store, flushing: true)
        let file = root.appendingPathComponent("cache/snapshot")
        let text = try String(contentsOf: file, encoding: .utf8)
        let header = try #require(text.firstMatch(of: /\ndiagnostics (\d+)\n/))
        let json = text[header.range.upperBound...].prefix(Int(header.1)!)
        let moved = json.replacing(try Regex("\"\(field)\":[0-9]+")) { _ in "\"\(field)\":\(value)" }
        try Data(text.replacingCharacters(in: header.range.lowerBound..<json.endIndex,
                                          with: "\ndiagnostics \(moved.utf8.count)\n" + moved).utf8).write(to: file)
        let snapshot = try #require(BuildSnapshot.read(in: store, setting: Self.setting), "the damage is only in the diagnostic")
        #expect(snapshot.sources.contains { !$0.diagnostics.isEmpty })
        #expect(IncrementalBuild.check(Self.lines(), snapshot: snapshot, setting: Self.setting) == nil)
    }

    /// A line whose greeting and desk are an environment's values.
    private static func valuesFlow(_ index: Int, greeting: String = "Hello", desk: String = "env.desk") -> SourceFile {
        SourceFile(path: "flows/v\(index).ivr", text: """
            flow v\(index)
              number +1-800-555-\(1100 + index)

              step start
                say "\(greeting) from {{env.company}}, line \(index)."
                dial \(desk) -> bye

              step bye
                hangup

            """)
    }

    /// With an environment: the values file is part of the setting, and its finding (a value no
    /// flow uses) is the whole build's as long as the same flows use the same values.
    @Test func aBuildWithAnEnvironmentsValuesIsTheWholeBuildWhileTheSameValuesAreUsed() throws {
        let values = try ValuesFile.parse(name: "staging", file: SourceFile(path: "environments/staging.toml", text: """
            company = "Northwind"
            desk = "+1-312-555-0199"
            spare = "+1-312-555-0198"

            """))
        let setting = BuildSetting(compilerVersion: "test", commit: "test", baseURL: nil, environment: values)
        let first = try Self.whole((0..<4).map { Self.valuesFlow($0) }, environment: values, setting: setting)
        #expect(first.result.diagnostics.map(\.id) == ["unused-value"])
        let snapshot = try #require(try Self.roundTrip(first.snapshot, setting: setting))
        #expect(try Self.roundTrip(first.snapshot) == nil, "a snapshot of another environment's values is not read")

        var sources = (0..<4).map { Self.valuesFlow($0) }
        sources[2] = Self.valuesFlow(2, greeting: "Welcome")
        let expected = try Self.whole(sources, environment: values, setting: setting)
        let checked = try #require(IncrementalBuild.check(sources, environment: values, snapshot: snapshot, setting: setting))
        #expect(checked.changed.files.map(\.source.path) == ["flows/v2.ivr"])
        #expect(checked.diagnostics == expected.result.diagnostics, "the value no flow uses is still reported")
        let compiled = try Compiler.compile(Compiler.lower(checked.changed.graph))
        let (build, _) = IncrementalBuild.assemble(checked, compiled: compiled, compilerVersion: "test", environment: values, setting: setting)
        #expect(build.manifest == expected.manifest)

        // A line that starts using the spare value changes what is reported in the values file.
        sources[2] = Self.valuesFlow(2, desk: "env.spare")
        #expect(IncrementalBuild.check(sources, environment: values, snapshot: snapshot, setting: setting) == nil)
    }

    /// A build made from a snapshot that `ivrc store prune` removed meanwhile (a document it took
    /// as present was gone) stores nothing: the writer asks, holding the store's lock.
    @Test func aBuildWhoseSnapshotWasRemovedMeanwhileStoresNothing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Checker.check(Self.lines())
        let compiled = try Compiler.compile(Compiler.lower(result.graph))
        let (first, _) = try BundleStoreWriter.write(compiled, to: root, compilerVersion: "test")
        let store = BundleStoreDirectory(root: root)
        try #require(IncrementalBuild.snapshot(of: Self.lines(), result: result, compiled: compiled, build: first.id,
                                               setting: Self.setting) { _ in nil }).write(in: store, flushing: false)
        let snapshot = try #require(BuildSnapshot.read(in: store, setting: Self.setting))
        #expect(snapshot.isStillInPlace(in: store))

        var sources = Self.lines()
        sources[1] = Self.flow(1, greeting: "Welcome")
        let checked = try #require(IncrementalBuild.check(sources, snapshot: snapshot, setting: Self.setting))
        let (build, next) = IncrementalBuild.assemble(checked, compiled: try Compiler.compile(Compiler.lower(checked.changed.graph)),
                                                      compilerVersion: "test", setting: Self.setting)
        try FileManager.default.removeItem(at: root.appendingPathComponent("cache/snapshot"))
        next.write(in: store, flushing: false)  // another build's snapshot in its place
        #expect(!snapshot.isStillInPlace(in: store))
        #expect(throws: BundleStoreWriter.MissingDocuments.self) {
            try BundleStoreWriter.write(build, to: root) {
                guard snapshot.isStillInPlace(in: store) else { throw BundleStoreWriter.MissingDocuments() }
            }
        }
        #expect(try store.currentID() == first.id, "nothing stored")
        #expect(store.storedIDs() == [first.id])
    }
}
