import Hummingbird
import HummingbirdTesting
import IVRBundle
import IVRCheck
import IVRLang
import IVRServer
import IVRTestSupport
import Logging
import TeXMLEmit
import Testing

/// `ivrc serve` refuses a Spanish caller's overlong extension in Spanish: the apology carries
/// the call's language and voice, as the rest of the Spanish documents do.
@Suite struct RefusedDialLanguageServerTests {
    let server: VoiceServer

    init() throws {
        var configuration = ServerConfiguration()
        configuration.verifier = nil
        configuration.valueSeal = try ValueSeal(keyMaterial: CarriedValuesTests.keyMaterial)
        let result = Checker.check([SourceFile(path: "directorio.ivr", text: ValuesFlow.bilingual)])
        let compiled = try Compiler.compile(result.graph)
        let bundle = try LoadedBundle(manifest: BundleWriter.manifest(for: compiled, compilerVersion: "test", waivers: []),
                                      documents: compiled.documents)
        server = VoiceServer(bundle: try ServedBundle(bundle: bundle, pathPrefix: "/texml"), configuration: configuration,
                             logger: Logger(label: "test"))
    }

    /// The document answered after the caller chose `choice` and typed `digits`.
    func connect(choosing choice: String, typing digits: String) async throws -> String {
        let call = ServerFixture.firstRequest(to: ValuesFlow.bilingualNumber)
        return try await Application(router: server.router()).test(.router) { client in
            let welcome = String(buffer: try await CarriedValuesTests.post(client, "/texml", call).body)
            let extensionDocument = try await CarriedValuesTests.post(client, try CarriedValuesTests.action(in: welcome), call + [("Digits", choice)])
            let action = try CarriedValuesTests.action(in: String(buffer: extensionDocument.body))
            return String(buffer: try await CarriedValuesTests.post(client, action, call + [("Digits", digits)]).body)
        }
    }

    @Test func aSpanishCallerHearsTheApologyInSpanish() async throws {
        let spanish = try await connect(choosing: "2", typing: "5555")
        #expect(spanish.contains(#"<Say language="es-MX" voice="Polly.Mia">Lo sentimos, no se puede marcar ese número.</Say>"#), "\(spanish)")
        #expect(!spanish.contains("<Dial") && !spanish.contains("Sorry"))
        let english = try await connect(choosing: "1", typing: "5555")
        #expect(english.contains(#"<Say language="en-US" voice="Polly.Joanna">Sorry, that number cannot be dialled.</Say>"#), "\(english)")
    }

    @Test func aValueFillsTheSpanishTranslation() async throws {
        let spanish = try await connect(choosing: "2", typing: "101")
        #expect(spanish.contains("Conectando con la extensión 101."), "\(spanish)")
        #expect(spanish.contains("<Sip>sip:101@pbx.example.com</Sip>"))
    }
}
