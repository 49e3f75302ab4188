import Foundation
@testable import IVRBundle
import Testing

/// The per-request text work done by bytes says exactly what its Foundation and `Character`
/// forms said: percent-encoding of carried values, and the step a document path names.
@Suite struct RequestPathTextTests {
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    @Test(arguments: ["", "+15550100123", "v3:abc-DEF_1.2~x", "a b&c=d/e?f#g%h", "Zoë 🇫🇷 café\u{301}", "\u{0}\u{1F}\u{7F}", "ünïcödé €"])
    func percentEncodingIsFoundations(text: String) {
        let foundation = text.addingPercentEncoding(withAllowedCharacters: Self.unreserved)
        #expect(CallValues.percentEncoded(text) == foundation)
        #expect(CallValues.percentEncodedByteCount(text) == foundation?.utf8.count)
    }

    @Test(arguments: [
        ("support/menu.xml", "menu", nil), ("support/menu.fr.xml", "menu", "fr"), ("support/menu.part2.xml", "menu", nil),
        ("support/menu.fr.part3.xml", "menu", "fr"), ("support/menu.1.xml", "menu.1", nil), ("menu.xml", "menu", nil),
        ("support/menu.xml/", "menu", nil), ("//", nil, nil), ("", nil, nil), ("support/hangup.call.xml", nil, nil),
        ("support/menu.route", nil, nil), ("support/.xml", "", nil), ("a/b/ménu.xml", "ménu", nil),
    ] as [(String, String?, String?)])
    func aDocumentPathNamesItsStepAndLanguage(path: String, step: String?, language: String?) {
        #expect(DocumentStep.step(of: path) == step)
        #expect(DocumentStep.language(of: path) == language)
    }

    @Test func onlyAStepsFirstDocumentEntersIt() {
        #expect(DocumentStep.stepEntered(by: "support/menu.xml") == "menu")
        #expect(DocumentStep.stepEntered(by: "support/menu.part2.xml") == nil)
    }
}
