import IVRLang
import Testing

@Suite struct PhoneNumberKeyTests {
    @Test(arguments: ["+1-800-555-0157", "+1 800 555 0157", "18005550157", "(800) 555.0157 ext 12", "", "+", "no digits",
                      "+1 800 ٥٥٥ 0157", "①②③ 555", "+44\u{00A0}20 7946 0958"])
    func keepsThePlusAndTheDigits(written: String) {
        #expect(PhoneNumberKey.of(written) == "+" + written.filter(\.isNumber))
    }

    /// Every ASCII text, read byte by byte, keys as its characters' numbers do.
    @Test func anyASCIITextKeysAsItsCharactersDo() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let written = String(decoding: (0..<Int.random(in: 0...24, using: &generator)).map { _ in UInt8.random(in: 0...127, using: &generator) },
                                 as: UTF8.self)
            #expect(PhoneNumberKey.of(written) == "+" + written.filter(\.isNumber), "\(Array(written.utf8))")
        }
    }
}
