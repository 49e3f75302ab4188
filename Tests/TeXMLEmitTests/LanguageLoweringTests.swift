import Foundation
import IVRBundle
import IVRCheck
import TeXMLEmit
import Testing

/// A step is lowered once per language a call can reach it in: `STEP.TAG.xml` speaks TAG in
/// TAG's voice, its `<Gather>`s carry `language` and that language's phrases as `hints`, and
/// every route out of it stays in the language, so the server needs no state.
@Suite struct LanguageLoweringTests {
    static let source = """
        flow clinic
          number +1-800-555-0157
          languages en-US es-MX
          voice Polly.Joanna
            es-MX Polly.Mia

          step welcome
            menu
              say "For English, press 1."
                es-MX "Para español, oprima 2."
              on 1 -> main
              on 2 language=es-MX -> main
              on timeout -> main
              on invalid -> main

          step main
            menu tries=1
              say "Say appointments."
                es-MX "Diga citas."
              on 1 "appointments" es-MX="citas" -> desk
              on 9 "nurse" es-MX="enfermera" -> desk
              on timeout -> desk
              on invalid -> main

          step desk
            say "Connecting you."
              es-MX "Le comunicamos."
            dial +1-555-010-0200 -> main
        """

    static func loaded(_ bundle: CompiledBundle) throws -> LoadedBundle {
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        return try LoadedBundle(manifest: try JSONDecoder().decode(Manifest.self, from: Data(manifest.encoded)),
                                documents: bundle.documents)
    }

    @Test func eachStepIsLoweredInEachLanguageItIsReachedIn() throws {
        let bundle = try Compile.bundle(Self.source)
        let paths = bundle.documents.keys.filter { !$0.contains(".part") }.sorted()
        #expect(paths == ["clinic/desk.es-MX.xml", "clinic/desk.xml", "clinic/hangup.call.xml", "clinic/main.es-MX.xml", "clinic/main.xml", "clinic/welcome.xml"])
    }

    @Test func theSpanishDocumentSpeaksAndHearsSpanish() throws {
        let bundle = try Compile.bundle(Self.source)
        let main = try Compile.text(bundle, "clinic/main.es-MX.xml")
        #expect(main.contains(#"<Gather action="main.es-MX.route" hints="citas,enfermera" input="dtmf speech" language="es-MX""#), "\(main)")
        #expect(main.contains(#"<Say language="es-MX" voice="Polly.Mia">Diga citas.</Say>"#), "\(main)")
        let english = try Compile.text(bundle, "clinic/main.xml")
        #expect(english.contains(#"hints="appointments,nurse" input="dtmf speech" language="en-US""#), "\(english)")
        #expect(english.contains(#"<Say language="en-US" voice="Polly.Joanna">Say appointments.</Say>"#), "\(english)")
    }

    @Test func routesStayInTheChosenLanguage() throws {
        let loaded = try Self.loaded(try Compile.bundle(Self.source))
        #expect(loaded.next(after: "clinic/welcome.xml", parameters: ["Digits": "2"], clock: .assumed([:])) == "clinic/main.es-MX.xml")
        #expect(loaded.next(after: "clinic/welcome.xml", parameters: ["Digits": "1"], clock: .assumed([:])) == "clinic/main.xml")
        // The Spanish route hears the Spanish phrase, and not the English one.
        #expect(loaded.next(after: "clinic/main.es-MX.xml", parameters: ["SpeechResult": "quiero citas, por favor"], clock: .assumed([:]))
                == "clinic/desk.es-MX.xml")
        #expect(loaded.next(after: "clinic/main.es-MX.xml", parameters: ["SpeechResult": "nurse"], clock: .assumed([:]))
                == "clinic/main.es-MX.xml")
        #expect(loaded.next(after: "clinic/desk.es-MX.xml", parameters: ["DialCallStatus": "busy"], clock: .assumed([:]))
                == "clinic/main.es-MX.xml")
    }

    /// A flow with one `language` keeps its document names and tells its `<Gather>` the language.
    @Test func aFlowWithOneLanguageKeepsItsNames() throws {
        let bundle = try Compile.bundle("""
            flow f
              number +1-800-555-0157
              language es-MX

              step a
                menu tries=1
                  say "Diga uno."
                  on 1 "uno" -> a
                  on timeout -> a
                  on invalid -> a
            """)
        #expect(bundle.documents.keys.sorted() == ["f/a.xml"])
        #expect(try Compile.text(bundle, "f/a.xml").contains(#"hints="uno" input="dtmf speech" language="es-MX""#))
    }
}
