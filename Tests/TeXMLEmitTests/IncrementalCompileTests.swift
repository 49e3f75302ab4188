import Foundation
import IVRCheck
import IVRTestSupport
import TeXMLEmit
import Testing

/// Which documents a rebuild takes from the bundle it replaces: those of flows whose lowered
/// form is unchanged, and only from a bundle the same compiler version wrote.
@Suite struct IncrementalCompileTests {
    func graph() throws -> FlowGraph {
        let result = Checker.check(try ExampleFlows.sources())
        try #require(result.diagnostics.allSatisfy { $0.severity != .error })
        return result.graph
    }

    @Test func anUnchangedFlowIsReusedAndEveryFlowRecordsItsInputHash() throws {
        let directory = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Compiler.compile(graph())
        try BundleWriter.write(first, to: directory, compilerVersion: "test")
        let manifest = BundleWriter.manifest(for: first, compilerVersion: "test", waivers: [])
        #expect(manifest.flows.allSatisfy { $0.inputSHA256?.count == 64 })
        let previous = try #require(PreviousBundle(at: directory, compilerVersion: "test"))
        let again = try Compiler.compile(Compiler.lower(graph()), reusing: previous)
        #expect(again.documents.isEmpty)
        #expect(again.reused == manifest.documents.mapValues(\.sha256))
        #expect(BundleWriter.manifest(for: again, compilerVersion: "test", waivers: []) == manifest)
    }

    @Test func aChangedLoweringOrAnotherCompilerVersionReusesNothing() throws {
        let directory = Compile.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try BundleWriter.write(try Compiler.compile(graph()), to: directory, compilerVersion: "test")
        #expect(PreviousBundle(at: directory, compilerVersion: "other") == nil)
        #expect(PreviousBundle(at: directory.appendingPathComponent("absent"), compilerVersion: "test") == nil)
        let previous = try #require(PreviousBundle(at: directory, compilerVersion: "test"))
        // Every example flow has an action URL, which the base URL changes.
        let moved = try Compiler.compile(Compiler.lower(graph(), baseURL: "https://ivr.example.com/texml"), reusing: previous)
        #expect(moved.reused.isEmpty)
        #expect(moved.documentCount == moved.documents.count)
    }
}
