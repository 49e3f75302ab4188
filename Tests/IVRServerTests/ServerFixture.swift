import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import IVRCheck
import IVRLang
import IVRServer
import IVRTestSupport
import Logging
import Synchronization
import TeXMLEmit
import TelnyxWebhook
import Crypto
import IVRBundle

/// The example flows compiled in memory and served in-process, with the log captured.
struct ServerFixture {
    static let examples = Repository.examples

    /// Raw bytes: swift-crypto's key type is not Sendable, a static must be.
    static let privateKeyBytes = Curve25519.Signing.PrivateKey().rawRepresentation
    static var privateKey: Curve25519.Signing.PrivateKey {
        get throws { try Curve25519.Signing.PrivateKey(rawRepresentation: privateKeyBytes) }
    }
    static var publicKeyBase64: String {
        (try? privateKey.publicKey.rawRepresentation.base64EncodedString()) ?? ""
    }

    let server: VoiceServer
    let log: LogCapture

    /// - Parameter only: compile only the example files whose names contain this (a different bundle).
    /// - Parameter bundle: serve this bundle instead of the examples.
    init(signed: Bool = true, only: String? = nil, bundle: LoadedBundle? = nil,
         change: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var configuration = ServerConfiguration()
        configuration.verifier = signed ? TelnyxSignature.Verifier(publicKeyBase64: Self.publicKeyBase64) : nil
        // The examples carry call values (the EHR and telematics lookups), sealed as `ivrc serve` seals them.
        configuration.valueSeal = try ValueSeal(keyMaterial: CarriedValuesTests.keyMaterial)
        change(&configuration)
        let log = LogCapture()
        self.log = log
        let logger = Logger(label: "test") { label in JSONLogHandler(label: label) { log.append($0) } }
        let served = try bundle.map { try ServedBundle(bundle: $0, pathPrefix: configuration.urlPrefix) }
            ?? Self.served(only: only, urlPrefix: configuration.urlPrefix)
        server = VoiceServer(bundle: served,
                             configuration: configuration, logger: logger)
    }

    static func loaded(only: String? = nil) throws -> LoadedBundle {
        let compiled = try compiled(only: only)
        return try LoadedBundle(manifest: BundleWriter.manifest(for: compiled, compilerVersion: "test", waivers: []),
                                documents: compiled.documents)
    }

    static func compiled(only: String? = nil) throws -> CompiledBundle {
        let sources = try ExampleFlows.sources().filter { source in
            only.map { source.path.dropFirst("examples/".count).contains($0) } ?? true
        }
        return try Compiler.compile(Checker.check(sources).graph)
    }

    static func served(only: String? = nil, urlPrefix: String = "/texml") throws -> ServedBundle {
        try ServedBundle(bundle: loaded(only: only), pathPrefix: urlPrefix)
    }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: server.router()).test(.router, body)
    }

    /// A form body as Telnyx sends it, percent-encoded.
    /// The request target for `url`: its path and its query, which carries a call's sealed values.
    static func target(_ url: URL) -> String {
        url.path + (url.query.map { "?" + $0 } ?? "")
    }

    static func form(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    static func firstRequest(to number: String) -> [(String, String)] {
        [("AccountSid", "acct-1"), ("CallSid", "v3:call-1"), ("CallStatus", "ringing"), ("Direction", "inbound"),
         ("From", "+15550100123"), ("To", number)]
    }

    /// Headers of a request signed now (or at `timestamp`) with the fixture's key.
    static func signature(for body: String, timestamp: String = String(Int(Date().timeIntervalSince1970))) throws -> HTTPFields {
        let signer = TelnyxSignature.Signer(privateKeyBase64: privateKeyBytes.base64EncodedString())
        let signature = try signer?.headers(body: Array(body.utf8), timestamp: timestamp)[TelnyxSignature.signatureHeader] ?? ""
        return [HTTPField.Name(TelnyxSignature.signatureHeader)!: signature, HTTPField.Name(TelnyxSignature.timestampHeader)!: timestamp,
                .contentType: "application/x-www-form-urlencoded"]
    }

    /// POSTs `fields` to `uri`, signed; with `moment`, as a test does for a `--test-clock` server.
    static func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)],
                     moment: String? = nil) async throws -> TestResponse {
        let body = form(fields)
        var headers = try signature(for: body)
        if let moment { headers[HTTPField.Name("X-IVRC-Moment")!] = moment }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

/// Every log line written, for assertions about what is (and is not) logged.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ bytes: [UInt8]) { lines.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }

    var text: String { lines.withLock { $0.joined() } }

    /// The decoded JSON object of every line.
    var entries: [[String: Any]] {
        lines.withLock { $0 }.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

extension VoiceServer {
    /// What the operations listener's `/metrics` answers now; the webhook listener (the router
    /// these tests drive) does not serve it.
    var metricsText: String { String(decoding: metrics.exposition(), as: UTF8.self) }
}
