import Foundation

/// A message from the client, its parameters left as bytes until a handler asks for its type.
public struct IncomingMessage: Sendable {
    /// Requests have an id; notifications do not.
    public let id: RequestID?
    public let method: String
    private let body: Data

    private struct Envelope: Decodable {
        let jsonrpc: String?
        let id: RequestID?
        let method: String?
    }

    private struct Parameters<Value: Decodable>: Decodable {
        let params: Value
    }

    /// Nil with the error to answer when the body is not JSON or not a JSON-RPC request/notification.
    /// Responses from the client (to requests the server never sends) are ignored.
    public static func decode(_ body: Data) -> Result<IncomingMessage?, ResponseError> {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: body) else {
            if (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) == nil {
                return .failure(ResponseError(.parseError, "the message is not JSON"))
            }
            return .failure(ResponseError(.invalidRequest, "the message is not a JSON-RPC 2.0 object"))
        }
        guard envelope.jsonrpc == "2.0" else {
            return .failure(ResponseError(.invalidRequest, "`jsonrpc` must be \"2.0\""))
        }
        guard let method = envelope.method else { return .success(nil) }
        return .success(IncomingMessage(id: envelope.id, method: method, body: body))
    }

    /// The `params` member as `Value`, or the InvalidParams error that says why not.
    public func parameters<Value: Decodable>(_ type: Value.Type) throws(ResponseError) -> Value {
        do {
            return try JSONDecoder().decode(Parameters<Value>.self, from: body).params
        } catch {
            throw ResponseError(.invalidParams, "invalid parameters for \(method): \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing `\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))`"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "`\(context.codingPath.map(\.stringValue).joined(separator: "."))`: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
