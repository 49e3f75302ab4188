import Foundation
import IVRBundle
import TeXMLSchema
import Testing

/// A number filled from a value is dialled only within its dial's prefixes (`allow=`,
/// `dial-prefixes`): premium, satellite and one-ring-scam numbers become the apology and the
/// dial's no-answer route, counted `not-allowed`.
@Suite struct DialPrefixFillingTests {
    let filling: ValueFilling
    let validator: TeXMLSchemaValidator

    init() throws {
        filling = ValueFilling(vocabulary: try TeXMLVocabulary.bundled.get())
        validator = try TeXMLSchemaValidator.bundled.get()
    }

    private func served(_ verbs: String, _ values: [String: String], prefixes: [[String]])
        throws -> (text: String, refusals: [ValueFilling.Refusal]) {
        let parsed = try SafeXMLParser().parse(Data("<Response>\(verbs)</Response>".utf8)).elements
        let filled = filling.fill(parsed, values: values, limits: ["callback": 15], ownNumber: "+18005550170", route: nil,
                                  dialPrefixes: prefixes) { $0 }
        let written = validator.write(filled.verbs)
        #expect(written.violations.isEmpty, "\(written.violations)")
        return (String(decoding: written.bytes, as: UTF8.self), filled.refusals)
    }

    static let callback = #"<Dial action="/in/f/ring.route"><Number>{{callback}}</Number></Dial>"#

    @Test(arguments: ["19005550100", "882161234567", "18765550100", "+18765550100"])
    func aNumberOutsideTheAllowedPrefixesGetsTheApologyAndTheNoAnswerRoute(number: String) throws {
        let value = number.hasPrefix("+") ? "From" : "callback"
        let dial = Self.callback.replacingOccurrences(of: "callback", with: value)
        let result = try served(dial, [value: number], prefixes: [["+44"]])
        #expect(result.refusals == [.notAllowed])
        #expect(result.refusals.map(\.rawValue) == ["not-allowed"])
        #expect(!result.text.contains("<Dial") && !result.text.contains(number.filter(\.isNumber)))
        #expect(result.text.contains("cannot be dialled") && result.text.contains("<Redirect>/in/f/ring.route</Redirect>"))
    }

    @Test func aNumberWithinTheAllowedPrefixesIsDialled() throws {
        let result = try served(Self.callback, ["callback": "442079460000"], prefixes: [["+1", "+44"]])
        #expect(result.refusals.isEmpty)
        #expect(result.text.contains("<Number>+442079460000</Number>"))
        // Prefixes compare digits: +1 admits +1-876, and +1876 alone refuses +1-900.
        #expect(try served(Self.callback, ["callback": "18765550100"], prefixes: [["+1"]]).refusals.isEmpty)
        #expect(try served(Self.callback, ["callback": "18765550100"], prefixes: [["+1876"]]).refusals.isEmpty)
        #expect(try served(Self.callback, ["callback": "19005550100"], prefixes: [["+1876"]]).refusals == [.notAllowed])
    }

    /// Each `<Dial>` of a document has its own bound, in order; one without a bound is not refused by it.
    @Test func eachDialOfADocumentIsBoundedByItsOwnPrefixes() throws {
        let two = #"<Dial><Number>{{callback}}</Number></Dial><Dial><Number>{{callback}}</Number></Dial>"#
        #expect(try served(two, ["callback": "882161234567"], prefixes: [[], ["+44"]]).refusals == [.notAllowed])
        let first = try served(two, ["callback": "442079460000"], prefixes: [["+1"], ["+44"]])
        #expect(first.refusals == [.notAllowed] && first.text.contains("<Number>+442079460000</Number>"))
    }

    /// `dial +1{{callback}}`: the typed digits follow the written country code, so the number
    /// stays in +1 whatever is typed; a value that is not digits is refused as before.
    @Test func theDigitsOfAPrefixedTargetFollowItsCountryCode() throws {
        let dial = #"<Dial><Number>+1{{callback}}</Number></Dial>"#
        let ok = try served(dial, ["callback": "5550100123"], prefixes: [])
        #expect(ok.refusals.isEmpty && ok.text.contains("<Number>+15550100123</Number>"))
        #expect(try served(dial, ["callback": "+8821612345"], prefixes: []).refusals == [.notDigits])
        #expect(try served(dial, ["callback": "9005550100"], prefixes: [["+1876"]]).refusals == [.notAllowed])
    }
}
