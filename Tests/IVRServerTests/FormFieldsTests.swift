import Hummingbird
@testable import IVRServer
import Testing

/// The byte-level form reader answers exactly as Hummingbird's `URLEncodedFormDecoder` did for a
/// flat form (the oracle), on Telnyx's fields and on random forms built from the characters that
/// matter: separators, escapes, `+`, brackets, multi-byte text.
@Suite struct FormFieldsTests {
    static func oracle(_ form: String) -> [String: String]? {
        try? URLEncodedFormDecoder().decode([String: String].self, from: form)
    }

    static func read(_ form: String) -> [String: String]? {
        try? FormFields.decode(Array(form.utf8))
    }

    @Test(arguments: [
        "To=%2B18005550157&From=%2B15550100123&CallSid=v3%3Aabc&Digits=1",
        "SpeechResult=front+desk%2C+please&Confidence=0.92",
        "a=1&&b=2&c", "a=", "=x", "a=1&a=2", "a[b]=1", "a=%", "a=%4", "a=%zz", "a=%C3%A9t%C3%A9", "a=%FF", "k%3D=v%26",
        "a=b=c", "a+b=c+d", "", "&", "é=ü",
    ])
    func agreesWithHummingbirdOn(_ form: String) {
        #expect(Self.read(form) == Self.oracle(form), "\(form)")
    }

    @Test func agreesWithHummingbirdOnRandomForms() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "b", "Z", "0", "9", "=", "&", "+", "%", "%2", "%41", "%2B", "%26", "%3D", "%C3%A9", "%FF", "[", "]", "é", " ", "-"]
        for _ in 0..<5_000 {
            let form = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(Self.read(form) == Self.oracle(form), "\(form)")
        }
    }

    /// Bytes that are not UTF-8 are refused as such wherever they are: in a value, in a piece the
    /// form skips, after a piece that is malformed anyway, in a value with escapes.
    @Test(arguments: [
        [0x61, 0x3D, 0xFF], [0xFF, 0x26, 0x61, 0x3D, 0x31], Array("a[b]=1&c=".utf8) + [0xC3], Array("a=1&b=%4".utf8) + [0x80],
        Array("a=%41".utf8) + [0xE9],
    ])
    func aFormWhoseBytesAreNotUTF8IsRefusedAsSuch(_ form: [UInt8]) {
        #expect(throws: FormFields.Malformed.notUTF8) { try FormFields.decode(form) }
    }
}
