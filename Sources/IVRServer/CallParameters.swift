import Hummingbird

/// The form fields of a Telnyx request (`To`, `CallSid`, `Digits`, …): the POST body, or the
/// query string of a GET (accepted only when signatures are off). Anything that is not a flat
/// `application/x-www-form-urlencoded` form of UTF-8 text is a 400.
enum CallParameters {
    static func decode(_ request: inout Request, maxBodyBytes: Int) async throws -> [String: String] {
        guard request.method != .get else {
            guard let fields = try? FormFields.decode(Array((request.uri.query ?? "").utf8)) else { throw notAForm }
            return fields
        }
        return try fields(ofBody: try await request.collectBody(upTo: maxBodyBytes))
    }

    /// The fields of a POST body read whole (`TeXMLFastPath` asks too).
    static func fields(ofBody buffer: ByteBuffer) throws(HTTPError) -> [String: String] {
        // One copy into an array: read through `ByteBufferView`, the form's bytes cost twice as much.
        let body = Array(buffer.readableBytesView)
        guard String(validating: body, as: UTF8.self) != nil else {
            throw HTTPError(.badRequest, message: "request body is not UTF-8 text")
        }
        guard let fields = try? FormFields.decode(body) else { throw notAForm }
        return fields
    }

    private static let notAForm = HTTPError(.badRequest, message: "request is not a form-encoded list of fields (application/x-www-form-urlencoded)")
}
