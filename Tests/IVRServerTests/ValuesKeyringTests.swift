import Foundation
import IVRBundle
import IVRServer
import Testing

/// The values key as an operator writes it: base64 of at least 32 random bytes, decoded and
/// counted; a pattern or a password is refused with how to make a key, never quoted.
@Suite struct ValuesKeyringTests {
    static let current = "Mr6JXwIUfjhlbovavpnUCNyMb5JcdzaOSY8Kd7kYGZU="
    static let previous = "0C6AX0VIjp9sUOP+mUorXsjTiDRQUSXwHj8YUUW3D6I="

    private func refusal(_ text: String) -> String {
        #expect(throws: ValueSeal.KeyFailure.self) { try ValuesKeyring.seal(from: text) }?.description ?? ""
    }

    @Test(arguments: [String(repeating: "A", count: 32), String(repeating: "a", count: 44), "correct-horse-battery-staple-32-characters-long",
                      Data("correct horse battery staple, 32+ characters long".utf8).base64EncodedString(), "c2hvcnQ="])
    func aKeyThatIsNotBase64OfThirtyTwoRandomBytesIsRefused(_ key: String) {
        let message = refusal(key + "\n")
        #expect(message.contains("openssl rand -base64 32") && message.contains("head -c 32 /dev/urandom | base64"), "\(message)")
        #expect(!message.contains(key))
    }

    @Test func theCurrentKeySealsAndThePreviousOneStillOpens() throws {
        let before = try ValuesKeyring.seal(from: Self.previous + "\n")
        let rotated = try ValuesKeyring.seal(from: "# rotated today\n\(Self.current)\n\(Self.previous)\n")
        #expect(rotated.keyID != before.keyID)
        let token = before.seal(CallValues(values: ["ext": "7"]), callSid: "v3:c", bundle: "b")
        #expect(try rotated.open(token, callSid: "v3:c", bundle: "b").get().values == ["ext": "7"])
        #expect(try ValuesKeyring.seal(from: "\(Self.current) \(Self.previous)").keyID == rotated.keyID)
        #expect(refusal("\(Self.current)\n\(Self.previous)\n\(Self.previous)").contains("one previous key"))
    }
}
