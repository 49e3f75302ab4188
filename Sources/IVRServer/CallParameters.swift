import Hummingbird

/// The form fields of a Telnyx request (`To`, `CallSid`, `Digits`, …): the POST body, or the
/// query string of a GET (accepted only when signatures are off). Anything that is not a flat
/// `application/x-www-form-urlencoded` form of UTF-8 text is a 400.
enum CallParameters {
    static func decode(_ request: inout Request, maxBodyBytes: Int) async throws -> [String: String] {
        let form: String
        if request.method == .get {
            form = request.uri.query ?? ""
        } else {
            let body = try await request.collectBody(upTo: maxBodyBytes)
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
                throw HTTPError(.badRequest, message: "request body is not UTF-8 text")
            }
            form = text
        }
        guard !form.isEmpty else { return [:] }
        do {
            return try URLEncodedFormDecoder().decode([String: String].self, from: form)
        } catch {
            throw HTTPError(.badRequest, message: "request is not a form-encoded list of fields (application/x-www-form-urlencoded)")
        }
    }
}
