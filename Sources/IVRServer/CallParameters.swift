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
        // Read where the buffer holds them: through `ByteBufferView`, the form's bytes cost twice as much.
        let fields = buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(FormFields.Malformed) in try FormFields.decode(bytes.assumingMemoryBound(to: UInt8.self)) }
        }
        switch fields {
        case .success(let fields): return fields
        case .failure(.notUTF8): throw HTTPError(.badRequest, message: "request body is not UTF-8 text")
        case .failure(.notAForm): throw notAForm
        }
    }

    private static let notAForm = HTTPError(.badRequest, message: "request is not a form-encoded list of fields (application/x-www-form-urlencoded)")
}
