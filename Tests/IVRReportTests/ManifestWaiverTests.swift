import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import IVRTestSupport
import TeXMLEmit
import Testing

/// A waiver in force ships in the bundle manifest: file, line, rule and reason.
@Suite struct ManifestWaiverTests {
    @Test func waiversInForceAreListedInTheManifest() throws {
        let source = SourceFile(path: "flows/line.ivr", text: """
            flow line
              number +1-800-555-0157
              step welcome
                # ivrc: allow no-shouting -- TETRIX is the brand name
                say "TETRIX"
                hangup
            """)
        let result = Checker.check([source], rules: [ShoutingRule()])
        #expect(result.diagnostics.isEmpty)
        let bundle = try Compiler.compile(result.graph, baseURL: nil)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try BundleWriter.write(bundle, to: directory, compilerVersion: "test",
                               waivers: result.waivers.map(Manifest.Waiver.init))
        let manifest = try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json")))
        #expect(manifest.waivers == [Manifest.Waiver(file: "flows/line.ivr", line: 4, rule: "no-shouting",
                                                     reason: "TETRIX is the brand name")])
    }
}
