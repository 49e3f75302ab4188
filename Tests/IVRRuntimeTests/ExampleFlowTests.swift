import Foundation
import IVRBundle
import IVRCheck
import IVRRuntime
import IVRTestSupport
import TeXMLEmit
import Testing

@Suite("Examples: shipped test blocks against the compiled bundle")
struct ExampleFlowTests {
    @Test func everyExampleTestPasses() throws {
        let result = try Examples.checked()
        #expect(!result.hasErrors)
        let program = try CallProgram.compiled(result.graph)
        let tests = Examples.tests(result.graph)
        #expect(tests.count >= 10)
        for test in tests {
            let outcome = FlowTestRunner.run(test, in: program)
            #expect(outcome.passed, "\(test.flow): \(test.description): \(outcome.failure ?? "")\n\(TranscriptFormatter.format(outcome.transcript))")
        }
    }

    @Test func everyExampleTestPassesWithAbsoluteURLs() throws {
        let result = try Examples.checked()
        let program = try CallProgram.compiled(result.graph, baseURL: "https://ivr.example.com/texml")
        for test in Examples.tests(result.graph) {
            let outcome = FlowTestRunner.run(test, in: program)
            #expect(outcome.passed, "\(test.description): \(outcome.failure ?? "")")
            #expect(outcome.transcript.contains { event in
                switch event {
                case .request(let url, _), .redirect(let url): url.hasPrefix("https://ivr.example.com/texml/")
                default: false
                }
            })
        }
    }

    /// A test double for a broken lowering: the compiled bundle with one route entry, or one
    /// menu key, taken out of the manifest before loading.
    static func brokenProgram(_ graph: FlowGraph, _ damage: (inout [String: Route]) -> Void) throws -> CallProgram {
        let compiled = try Compiler.compile(graph)
        let manifest = BundleWriter.manifest(for: compiled, compilerVersion: "test", waivers: [])
        var routes = manifest.routes
        damage(&routes)
        let encoded = try JSONEncoder().encode(manifest)
        var object = try JSONSerialization.jsonObject(with: encoded) as? [String: Any] ?? [:]
        object["routes"] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(routes))
        let damaged = try JSONDecoder().decode(Manifest.self, from: JSONSerialization.data(withJSONObject: object))
        return CallProgram(bundle: try LoadedBundle(manifest: damaged, documents: compiled.documents))
    }

    static func failures(_ program: CallProgram, _ graph: FlowGraph) -> [String] {
        Examples.tests(graph).map { FlowTestRunner.run($0, in: program) }.filter { !$0.passed }.map(\.test.description)
    }

    @Test func aDroppedRouteIsCaught() throws {
        let graph = try Examples.checked().graph
        let program = try Self.brokenProgram(graph) { $0["patient_intake/urgent.xml"] = nil }
        #expect(Self.failures(program, graph) == ["urgent caller falls back to the second nurse line"])
    }

    @Test func aDroppedMenuKeyIsCaught() throws {
        let graph = try Examples.checked().graph
        let program = try Self.brokenProgram(graph) { $0["patient_intake/welcome.xml"]?.keys?["9"] = nil }
        let failed = Self.failures(program, graph)
        #expect(failed.contains("urgent caller reaches the nurse line first"))
        #expect(failed.contains("urgent caller falls back to the second nurse line"))
    }

    @Test func aMenuThatStopsReplayingIsCaught() throws {
        let graph = try Examples.checked().graph
        let program = try Self.brokenProgram(graph) { routes in
            routes["driver_emergency/start.xml"]?.keys?["3"] = "driver_emergency/breakdown.xml"
        }
        #expect(Self.failures(program, graph) == ["maintenance caller reaches the service desk"])
    }
}
