import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import TeXMLEmit
import Testing

/// Several speech phrases per key (`on 1 "register" "registration" "sign up" -> desk`), in
/// each language: every phrase is in the route, and the matcher's rules (emergency first,
/// then the longest, then the earliest) hold across all of them.
@Suite struct SpeechPhrasesTests {
    static let source = """
        flow clinic
          number +1-800-555-0157
          languages en-US es-MX

          step choose
            menu
              say "For English, press 1."
                es-MX "Para español, oprima 2."
              on 1 -> welcome
              on 2 language=es-MX -> welcome

          step welcome
            menu
              say "Say register, billing or emergency."
                es-MX "Diga registro, facturas o emergencia."
              on 1 "register" "registration" "sign up" es-MX="registro" es-MX="inscripción" -> desk
              on 2 "billing" "pay my bill" es-MX="facturas" -> desk
              on 9 "emergency" es-MX="emergencia" -> urgent

          step desk
            dial +1-555-010-0200

          step urgent emergency
            dial +1-555-010-0911
        """

    static func loaded() throws -> LoadedBundle {
        let bundle = try Compile.bundle(Self.source)
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        return try LoadedBundle(manifest: try JSONDecoder().decode(Manifest.self, from: Data(manifest.encoded)),
                                documents: bundle.documents)
    }

    @Test func everyPhraseOfEveryLanguageIsInItsRoute() throws {
        let routes = try Self.loaded().manifest.routes
        #expect(routes["clinic/welcome.xml"]?.speech?.keys.sorted() == ["billing", "emergency", "pay my bill", "register", "registration", "sign up"])
        let spanish = try #require(routes.first { $0.key.hasPrefix("clinic/") && $0.value.speech?["registro"] != nil }?.value)
        #expect(spanish.speech?.keys.sorted() == ["emergencia", "facturas", "inscripción", "registro"])
    }

    @Test(arguments: [
        ("I want to sign up", "clinic/desk.xml"),
        // A phrase other than the key's first.
        ("registration please", "clinic/desk.xml"),
        // Emergency first, wherever it is said.
        ("pay my bill, it is an emergency", "clinic/urgent.xml"),
        ("nothing of the sort", nil),
    ] as [(String, String?)])
    func theMatcherReadsEveryPhrase(_ said: String, _ expected: String?) throws {
        let next = try Self.loaded().next(after: "clinic/welcome.xml", parameters: ["SpeechResult": said])
        if let expected {
            #expect(next == expected)
        } else {
            #expect(next != "clinic/desk.xml" && next != "clinic/urgent.xml")
        }
    }

    @Test func aPhraseGivenTwiceIsALocatedError() throws {
        let text = Self.source.replacingOccurrences(of: "\"sign up\" es-MX", with: "\"Register\" es-MX")
        let found = Checker.check([SourceFile(path: "t.ivr", text: text)], rules: []).diagnostics
        let finding = try #require(found.first { $0.id == "duplicate-key" }, "\(found.map(\.message))")
        #expect(finding.span.start.line == 16)
        #expect(finding.message == "the phrase \"Register\" is already given to this key")
    }
}
