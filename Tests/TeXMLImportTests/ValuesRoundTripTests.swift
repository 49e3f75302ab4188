import IVRCheck
import IVRLang
import IVRTestSupport
import TeXMLEmit
import TeXMLImport
import Testing

/// A bundle that uses call values imports back to a flow that checks and runs the same call:
/// a gather keeps the name its route gives the value (`{{ext}}` later still has one), its
/// silent branch comes back as `on timeout`, and an http-request as the statement it was.
@Suite struct ValuesRoundTripTests {
    static let sources: [(name: String, text: String)] = [
        ("extensions", ValuesFlow.source), ("dispatch", ValuesFlow.dataDip), ("directorio", ValuesFlow.bilingual),
    ]

    func imported(_ text: String) throws -> (source: String, original: (LoweredFlow, CompiledBundle)) {
        let original = try RoundTripTests.build([SourceFile(path: "line.ivr", text: text)])
        let flow = try #require(original.flows.first)
        let (files, options) = RoundTripTests.importInput(flow, original)
        let result = TeXMLImporter.importFlow(files, options: options)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        return (result.source, (flow, original))
    }

    @Test(arguments: sources.indices)
    func aFlowWithValuesRoundTrips(_ index: Int) throws {
        let (source, (flow, original)) = try imported(Self.sources[index].text)
        let checked = Checker.check([SourceFile(path: "imported.ivr", text: source)])
        #expect(!checked.hasErrors, "\(checked.diagnostics.map(\.message))\n\(source)")
        let rebuilt = try Compiler.compile(checked.graph)
        let difference = CallEquivalence.difference(try CompiledCall(flow, bundle: original),
                                                    try CompiledCall(try #require(rebuilt.flows.first), bundle: rebuilt))
        #expect(difference == nil, "\(difference ?? "")\n\(source)")
    }

    @Test func theGathersNameTimeoutAndTheHTTPRequestComeBack() throws {
        let extensions = try imported(ValuesFlow.source).source
        #expect(extensions.contains("gather ext num-digits=3 -> connect"), "\(extensions)")
        #expect(extensions.contains("on timeout -> operator"), "\(extensions)")
        let dispatch = try imported(ValuesFlow.dataDip).source
        #expect(dispatch.contains("http-request https://dispatch.example.com/loads method=POST -> announce"), "\(dispatch)")
        #expect(dispatch.contains(#"header Content-Type "application/json""#))
        #expect(dispatch.contains(#"field eta "load.eta_minutes""#) && dispatch.contains(#"body "{\"driver\": \"{{driver}}\"}""#), "\(dispatch)")
    }

    /// The bundle's dial bounds (`dialPrefixes` in the manifest, from `allow=` and the flow's
    /// `dial-prefixes`) come back as each dial's `allow=`: the round trip never widens them.
    @Test func theDialBoundsComeBack() throws {
        let (source, (flow, original)) = try imported("""
            flow callback
              number +1-800-555-0180
              dial-prefixes +1 +44

              step welcome
                gather callback finish-on-key=# -> ring
                  say "Your number?"
                  on timeout -> local

              step ring
                dial {{callback}} allow=+1-876 timeout=20s -> local

              step local
                gather digits num-digits=10 -> ring_local
                  say "Your ten digits?"
                  on timeout -> desk

              step ring_local
                dial +1{{digits}} -> desk

              step desk
                dial +1-555-010-0200
                hangup
            """)
        let manifest = BundleWriter.manifest(for: original, compilerVersion: "test", waivers: [])
        #expect(BundleContext(manifest: manifest, root: "bundle").dialPrefixes["bundle/callback/ring.xml"] == [["+1876"]],
                "`ivrc import` reads the bounds from the manifest beside the documents")
        #expect(source.contains("dial {{callback}} timeout=20s allow=+1876 -> local"), "\(source)")
        #expect(source.contains("dial +1{{digits}} allow=+1,+44 -> desk"), "\(source)")
        #expect(source.contains("dial +15550100200\n"), "a written number takes no bound: \(source)")
        let checked = Checker.check([SourceFile(path: "imported.ivr", text: source)])
        #expect(!checked.hasErrors, "\(checked.diagnostics.map(\.message))\n\(source)")
        let rebuilt = try #require(try Compiler.compile(checked.graph).flows.first)
        #expect(rebuilt.dialPrefixes == flow.dialPrefixes)
    }
}
