import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One POST at a time, waiting for the answer: a simulated call is a sequence of requests, each
/// needing the previous answer, driven from synchronous command-line code.
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

    /// Carries the answer from URLSession's callback queue to the waiting caller.
    private final class Mailbox: @unchecked Sendable {
        let arrived = DispatchSemaphore(value: 0)
        var result: Result<Response, Failure> = .failure(Failure(description: "no answer"))
    }

    let timeout: TimeInterval

    func post(_ url: URL, body: [UInt8], headers: [String: String]) throws(Failure) -> Response {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let mailbox = Mailbox()
        session.dataTask(with: request) { data, response, error in
            if let error {
                mailbox.result = .failure(Failure(description: error.localizedDescription))
            } else if let http = response as? HTTPURLResponse {
                var fields: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
                }
                mailbox.result = .success(Response(status: http.statusCode, headers: fields, body: data ?? Data()))
            }
            mailbox.arrived.signal()
        }.resume()
        mailbox.arrived.wait()
        return try mailbox.result.get()
    }
}
