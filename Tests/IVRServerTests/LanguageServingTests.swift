import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import IVRBundle
import IVRCheck
import IVRLang
import IVRServer
import IVRTestSupport
import TeXMLEmit
import Testing

/// A served Spanish call: after the caller presses 2, every document the server answers with
/// speaks Spanish, and its `<Gather>` listens in Spanish for the Spanish phrases.
@Suite struct LanguageServingTests {
    static let flow = Repository.tests("TeXMLEmitTests/Golden/bilingual.ivr")

    static func bundle() throws -> LoadedBundle {
        let source = SourceFile(path: "bilingual.ivr", bytes: [UInt8](try Data(contentsOf: flow)))
        let compiled = try Compiler.compile(Checker.check([source]).graph)
        return try LoadedBundle(manifest: BundleWriter.manifest(for: compiled, compilerVersion: "test", waivers: []),
                                documents: compiled.documents)
    }

    /// The action URL of the document's `<Gather>`.
    static func action(in body: String) throws -> String {
        let range = try #require(body.range(of: #"action="([^"]+)""#, options: .regularExpression), "no action in \(body)")
        return String(body[range].dropFirst("action=\"".count).dropLast())
    }

    @Test func aSpanishCallIsAnsweredInSpanish() async throws {
        let fixture = try ServerFixture(bundle: try Self.bundle())
        let (menu, document, emergency) = try await fixture.test { client in
            let entry = try await ServerFixture.post(client, "/texml", ServerFixture.firstRequest(to: "+13125550140"))
            let welcome = String(buffer: entry.body)
            let spanish = try await ServerFixture.post(client, try Self.action(in: welcome),
                                                       [("CallSid", "v3:call-1"), ("Digits", "2")])
            let menu = String(buffer: spanish.body)
            let said = try await ServerFixture.post(client, try Self.action(in: menu),
                                                    [("CallSid", "v3:call-1"), ("SpeechResult", "es una emergencia")])
            return (menu, spanish.headers[HTTPField.Name("X-IVRC-Document")!], String(buffer: said.body))
        }
        #expect(document == "clinica/main.es-MX.xml")
        #expect(menu.contains(#"hints="citas,emergencia""#) && menu.contains(#"language="es-MX""#), "\(menu)")
        #expect(menu.contains(#"<Say language="es-MX" voice="Polly.Mia">Para citas"#), "\(menu)")
        #expect(emergency.contains("Le comunicamos con la enfermera"), "\(emergency)")
    }

    /// The bilingual flow's own `test` blocks, English and Spanish, pass through the built
    /// server (`ivrc test --url`) as they pass against the bundle.
    @Test func theBilingualTestsPassThroughTheServer() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-languages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle")
        #expect(try ServeProcess.run(["build", Self.flow.path, "-o", bundle.path]).status == 0)
        let server = try ServeProcess(bundle: bundle)
        let live = try ServeProcess.run(["test", Self.flow.path, "--url", "http://127.0.0.1:\(server.port)/texml"],
                                        environment: ["TELNYX_PRIVATE_KEY": ServerFixture.privateKeyBytes.base64EncodedString()])
        #expect(live.status == 0 && live.output.contains("3 passed, 0 failed"), "\(live.output)")
        #expect(server.terminate() == 0)
    }
}
