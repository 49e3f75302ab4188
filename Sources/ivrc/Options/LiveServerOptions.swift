import ArgumentParser
import Foundation
import IVRBundle
import IVRCheck
import IVRLiveCall
import TelnyxWebhook

/// `--url` and the signing key: how `simulate` and `test` call a running `ivrc serve` the way
/// Telnyx does, instead of the bundle in memory.
struct LiveServerOptions: ParsableArguments {
    @Option(help: "Call a running `ivrc serve` at this webhook URL (e.g. http://127.0.0.1:8080/texml) instead of compiling.")
    var url: String?

    @Option(help: "Sign requests as Telnyx does with this base64 Ed25519 private key (also TELNYX_PRIVATE_KEY).")
    var telnyxPrivateKey: String?

    @Option(help: ArgumentHelp("With an https --url, trust the certificate authorities in this PEM file instead of the system's (a staging server behind a private CA).",
                               valueName: "FILE"))
    var cacert: String?

    /// The webhook URL, checked: an absolute http(s) URL.
    func webhook() throws -> URL? {
        guard let url else { return nil }
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", parsed.host != nil else {
            throw ValidationError("--url must be an absolute http:// or https:// URL, got `\(url)`")
        }
        return parsed
    }

    /// The certificate authorities `--cacert` names, read and checked; nil without it.
    func trustedCertificates() throws -> TrustedCertificates? {
        guard let cacert else { return nil }
        guard url != nil else { throw ValidationError("--cacert is for calling a server over https: give --url too") }
        do {
            return try TrustedCertificates.load(pemFile: cacert)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func signer() throws -> TelnyxSignature.Signer? {
        guard let key = telnyxPrivateKey ?? ProcessInfo.processInfo.environment["TELNYX_PRIVATE_KEY"] else { return nil }
        guard let signer = TelnyxSignature.Signer(privateKeyBase64: key) else {
            throw ValidationError("the Telnyx private key must be base64 of 32 bytes (an Ed25519 seed)")
        }
        return signer
    }

    /// A caller for one call to `number` on the live server, at `moment` and from `caller` when
    /// the test gives them.
    func source(calling number: String, at moment: CallMoment? = nil, from caller: String? = nil) throws -> (source: LiveServerSource, entry: String)? {
        guard let webhook = try webhook() else { return nil }
        let source = LiveServerSource(webhook: webhook, number: number, signer: try signer(), moment: moment,
                                      caller: caller ?? CallValues.simulatedCaller, trusted: try trustedCertificates())
        return (source, webhook.absoluteString)
    }
}
