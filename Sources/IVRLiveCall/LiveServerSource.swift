import Foundation
import IVRBundle
import IVRCheck
import IVRRuntime
import TeXMLSchema
import TelnyxWebhook

/// A Telnyx-like caller against a running `ivrc serve`: the first request POSTs the call's
/// fields to the webhook URL, every later URL in a document is resolved against the URL that
/// document was fetched from (RFC 3986, as an HTTP client does) and POSTed with the action's
/// parameters — signed when a key is given. A URL on another origin leaves the flow.
public struct LiveServerSource: DocumentSource {
    public let webhook: URL
    /// Sent with every request, as Telnyx does: `To`, `From`, `CallSid`, `AccountSid`, …
    public let callFields: [String: String]
    let signer: TelnyxSignature.Signer?
    /// When the call happens, sent for servers started with `--test-clock`.
    let moment: CallMoment?
    let client: BlockingHTTPClient

    public init(webhook: URL, number: String, signer: TelnyxSignature.Signer?, moment: CallMoment? = nil,
                caller: String = CallValues.simulatedCaller,
                callSid: String = "v3:ivrc-" + UUID().uuidString.lowercased(), timeout: TimeInterval = 10,
                trusted: TrustedCertificates? = nil) {
        self.webhook = webhook
        self.callFields = [
            "AccountSid": "ivrc-simulated-account", "CallSid": callSid, "CallSidLegacy": callSid,
            "From": caller, "To": number, "CallStatus": "ringing", "Direction": "inbound",
        ]
        self.signer = signer
        self.moment = moment
        self.client = BlockingHTTPClient(timeout: timeout, trusted: trusted)
    }

    public func resolvedAddress(_ url: String, from address: String) -> String {
        resolve(url, from: address)?.absoluteString ?? url
    }

    public func request(_ url: String, from address: String?, parameters: [String: String]?) -> Fetch {
        let target = address.map { resolve(url, from: $0) } ?? webhook
        guard let target else { return .failed(.missingDocument(url)) }
        guard target.scheme == webhook.scheme, target.host == webhook.host, target.port == webhook.port else {
            return .handedOff(url: target.absoluteString)
        }
        let body = FormBody.encode(callFields.merging(parameters ?? [:]) { _, action in action })
        var headers = ["Content-Type": "application/x-www-form-urlencoded"]
        if let moment { headers[TestCallerHeaders.moment] = moment.description }
        if let signer {
            let timestamp = String(Int(Date().timeIntervalSince1970))
            guard let signed = try? signer.headers(body: body, timestamp: timestamp) else {
                return .failed(.unreachable(url: target.absoluteString, message: "the request could not be signed"))
            }
            headers.merge(signed) { _, signature in signature }
        }
        let response: BlockingHTTPClient.Response
        do {
            response = try client.post(target, body: body, headers: headers)
        } catch {
            return .failed(.unreachable(url: target.absoluteString, message: error.description))
        }
        guard response.status == 200 else {
            return .failed(.serverStatus(url: target.absoluteString, status: response.status))
        }
        if moment != nil, response.headers[TestCallerHeaders.testClock.lowercased()] == nil {
            return .failed(.momentIgnored(url: target.absoluteString))
        }
        do {
            let root = try SafeXMLParser().parse(response.body)
            return .document(FetchedDocument(address: target.absoluteString,
                                             bundlePath: response.headers[TestCallerHeaders.document.lowercased()], root: root))
        } catch {
            return .failed(.malformedDocument(path: target.absoluteString, message: "\(error)"))
        }
    }

    /// `URL(string:relativeTo:)`: what an HTTP client makes of a URL found in a document.
    private func resolve(_ url: String, from address: String) -> URL? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        return URL(string: trimmed, relativeTo: URL(string: address))?.absoluteURL
    }
}
