/// JSON-RPC 2.0 and LSP 3.17 error codes (`ErrorCodes`, `LSPErrorCodes`).
public enum ErrorCode: Int, Sendable, Codable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
    case requestCancelled = -32800
}

/// The `error` member of a response.
public struct ResponseError: Error, Sendable, Hashable, Codable {
    public let code: Int
    public let message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code.rawValue
        self.message = message
    }
}
