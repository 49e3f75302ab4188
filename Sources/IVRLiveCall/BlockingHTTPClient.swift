import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// One POST at a time, waiting for the answer: a simulated call is a sequence of requests, each
/// needing the previous answer, driven from synchronous command-line code. Over
/// async-http-client, whose TLS can trust a private certificate authority (`--cacert`).
struct BlockingHTTPClient: Sendable {
    struct Response: Sendable {
        let status: Int
        /// Header names lowercased.
        let headers: [String: String]
        let body: Data
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let timeout: TimeInterval
    /// Trusted instead of the system's certificate authorities when given.
    let trusted: TrustedCertificates?

    func post(_ url: URL, body: [UInt8], headers: [String: String]) throws(Failure) -> Response {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let trusted { tls.trustRoots = .certificates(trusted.certificates) }
        let limit = TimeAmount.milliseconds(Int64((timeout * 1000).rounded(.up)))
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .follow(max: 5, allowCycles: false),
                                                     timeout: HTTPClient.Configuration.Timeout(connect: limit, read: limit))
        // A refused connection or a certificate not trusted is said at once, not retried with
        // back-off until the deadline: a test run against a server that is down fails fast.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        do {
            let request = try HTTPClient.Request(url: url.absoluteString, method: .POST,
                                                 headers: HTTPHeaders(headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
                                                 body: .bytes(body))
            let response = try client.execute(request: request, deadline: .now() + limit).wait()
            var fields: [String: String] = [:]
            for (name, value) in response.headers { fields[name.lowercased()] = value }
            return Response(status: Int(response.status.code), headers: fields,
                            body: Data(response.body.map { Array($0.readableBytesView) } ?? []))
        } catch {
            throw Failure(description: String(describing: error))
        }
    }
}
