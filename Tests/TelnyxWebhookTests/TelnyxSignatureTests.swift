import Crypto
import Foundation
import Testing
@testable import TelnyxWebhook

@Suite struct TelnyxSignatureTests {
    let key = Curve25519.Signing.PrivateKey()
    var signer: TelnyxSignature.Signer { TelnyxSignature.Signer(privateKeyBase64: key.rawRepresentation.base64EncodedString())! }
    var verifier: TelnyxSignature.Verifier {
        TelnyxSignature.Verifier(publicKeyBase64: key.publicKey.rawRepresentation.base64EncodedString())!
    }
    let body = Array("To=%2B18005550157&From=%2B15550100001&CallSid=v3%3Aabc".utf8)
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func acceptsWhatItSigned() throws {
        let signature = try signed(body, "1790000000")
        #expect(verifier.rejection(signature: signature, timestamp: "1790000000", body: body, now: now) == nil)
    }

    @Test func refusesAChangedBodyOrTimestamp() throws {
        let signature = try signed(body, "1790000000")
        #expect(verifier.rejection(signature: signature, timestamp: "1790000000", body: body + [0x31], now: now) == .forged)
        #expect(verifier.rejection(signature: signature, timestamp: "1790000001", body: body, now: now) == .forged)
    }

    @Test func refusesAnotherAccountsKey() throws {
        let other = TelnyxSignature.Signer(privateKeyBase64: Curve25519.Signing.PrivateKey().rawRepresentation.base64EncodedString())!
        let signature = try other.headers(body: body, timestamp: "1790000000")[TelnyxSignature.signatureHeader]
        #expect(verifier.rejection(signature: signature, timestamp: "1790000000", body: body, now: now) == .forged)
    }

    @Test func refusesStaleAndFutureTimestamps() throws {
        for stamp in ["1789999699", "1790000301"] {
            let signature = try signed(body, stamp)
            #expect(verifier.rejection(signature: signature, timestamp: stamp, body: body, now: now) == .stale)
        }
        let edge = try signed(body, "1789999700")
        #expect(verifier.rejection(signature: edge, timestamp: "1789999700", body: body, now: now) == nil)
    }

    @Test func missingAndMalformedHeaders() {
        #expect(verifier.rejection(signature: nil, timestamp: "1790000000", body: body, now: now) == .missing)
        #expect(verifier.rejection(signature: "AAAA", timestamp: nil, body: body, now: now) == .missing)
        #expect(verifier.rejection(signature: "not base64!", timestamp: "1790000000", body: body, now: now) == .malformed)
        #expect(verifier.rejection(signature: "AAAA", timestamp: "1790000000", body: body, now: now) == .malformed)
        let sixtyFour = Data(count: 64).base64EncodedString()
        #expect(verifier.rejection(signature: sixtyFour, timestamp: "soon", body: body, now: now) == .malformed)
        #expect(verifier.rejection(signature: sixtyFour, timestamp: String(repeating: "9", count: 40), body: body, now: now) == .malformed)
    }

    func signed(_ body: [UInt8], _ timestamp: String) throws -> String? {
        try signer.headers(body: body, timestamp: timestamp)[TelnyxSignature.signatureHeader]
    }

    @Test func signerSendsTheTimestampItSigned() throws {
        let headers = try signer.headers(body: body, timestamp: "1790000000")
        #expect(headers[TelnyxSignature.timestampHeader] == "1790000000")
        #expect(verifier.rejection(signature: headers[TelnyxSignature.signatureHeader], timestamp: headers[TelnyxSignature.timestampHeader], body: body, now: now) == nil)
    }

    @Test func keysFromBase64() {
        #expect(TelnyxSignature.Verifier(publicKeyBase64: "short") == nil)
        #expect(TelnyxSignature.Verifier(publicKeyBase64: Data(count: 31).base64EncodedString()) == nil)
        #expect(TelnyxSignature.Signer(privateKeyBase64: "%%%") == nil)
        #expect(TelnyxSignature.Signer(privateKeyBase64: Data(count: 16).base64EncodedString()) == nil)
    }
}
