import Hummingbird

/// The form fields of a Telnyx request (`To`, `CallSid`, `Digits`, …): the POST body, or the
/// query string of a GET (accepted only when signatures are off). Anything that is not a flat
/// `application/x-www-form-urlencoded` form of UTF-8 text is a 400.
enum CallParameters {
    static func decode(_ request: inout Request, maxBodyBytes: Int) async throws -> [String: String] {
        let fields: [String: String]?
        if request.method == .get {
            fields = try? FormFields.decode(Array((request.uri.query ?? "").utf8))
        } else {
            // One copy into an array: read through `ByteBufferView`, the form's bytes cost twice as much.
            let body = Array(try await request.collectBody(upTo: maxBodyBytes).readableBytesView)
            guard String(validating: body, as: UTF8.self) != nil else {
                throw HTTPError(.badRequest, message: "request body is not UTF-8 text")
            }
            fields = try? FormFields.decode(body)
        }
        guard let fields else {
            throw HTTPError(.badRequest, message: "request is not a form-encoded list of fields (application/x-www-form-urlencoded)")
        }
        return fields
    }
}
