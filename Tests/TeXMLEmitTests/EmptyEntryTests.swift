import Foundation
import IVRBundle
import IVRCheck
import TeXMLEmit
import Testing

/// A gather answered with nothing (`Digits=""`, no speech) takes its `on timeout`, as a menu
/// does, and a value the call does not have is filled as nothing: the caller never hears
/// `{{ext}}` and Telnyx is never asked to dial `sip:{{ext}}@…`.
@Suite struct EmptyEntryTests {
    static let source = """
        flow line
          number +1-800-555-0157

          step start
            gather ext num-digits=3 -> connect
              say "Enter the extension."
              on timeout -> operator

          step connect
            dial sip:{{ext}}@pbx.example.com

          step operator
            dial +1-555-010-0200
        """

    @Test func anEmptyEntryTakesTheTimeout() throws {
        let bundle = try Compile.bundle(Self.source)
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        let loaded = try LoadedBundle(manifest: manifest, documents: bundle.documents)
        #expect(loaded.next(after: "line/start.xml", parameters: ["Digits": ""]) == "line/operator.xml")
        #expect(loaded.next(after: "line/start.xml", parameters: ["Digits": "", "SpeechResult": ""]) == "line/operator.xml")
        #expect(loaded.next(after: "line/start.xml", parameters: ["Digits": "101"]) == "line/connect.xml")
        #expect(loaded.next(after: "line/start.xml", parameters: ["SpeechResult": "one oh one"]) == "line/connect.xml")
    }

    @Test func anUnsetValueIsFilledAsNothing() {
        #expect(ValueFilling.substitute("sip:{{ext}}@pbx.example.com", [:], percentEncoding: false) == "sip:@pbx.example.com")
        #expect(ValueFilling.substitute("Hello {{name}}, {{From}}.", ["From": "+15550100000"], percentEncoding: false) == "Hello , +15550100000.")
        // Malformed braces are not a placeholder, and a value is not expanded again.
        #expect(ValueFilling.substitute("{{ not one", [:], percentEncoding: false) == "{{ not one")
        #expect(ValueFilling.substitute("{{x}}", ["x": "{{y}}"], percentEncoding: false) == "{{y}}")
    }
}
