import Foundation

/// Messages the server sends, as JSON bodies (framing is `MessageFraming`'s).
public enum OutgoingMessage {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `{"id":…,"jsonrpc":"2.0","result":…}` (`JSONValue.null` for a result of `null`).
    public static func response(id: RequestID, result: some Encodable) throws -> Data {
        Data("{\"id\":".utf8) + (try encodedID(id)) + Data(",\"jsonrpc\":\"2.0\",\"result\":".utf8)
            + (try encoder.encode(result)) + Data("}".utf8)
    }

    /// An error response; `id` is null when the request's id could not be read.
    public static func error(id: RequestID?, _ error: ResponseError) throws -> Data {
        Data("{\"error\":".utf8) + (try encoder.encode(error)) + Data(",\"id\":".utf8) + (try encodedID(id))
            + Data(",\"jsonrpc\":\"2.0\"}".utf8)
    }

    public static func notification<Params: Encodable>(method: String, params: Params) throws -> Data {
        try encoder.encode(Notification(method: method, params: params))
    }

    private struct Notification<Params: Encodable>: Encodable {
        let jsonrpc = "2.0"
        let method: String
        let params: Params
    }

    private static func encodedID(_ id: RequestID?) throws -> Data {
        try id.map { try encoder.encode($0) } ?? Data("null".utf8)
    }
}
