import IVRCheck
import IVRLang
import Testing

/// `body-content-type`: a value in an http-request body is escaped by its declared Content-Type,
/// so the checker refuses what no escaping can make safe.
@Suite struct BodyContentTypeTests {
    static func flow(header: String?, body: String) -> String {
        HTTPRequestTests.flow((header.map { "      header Content-Type \"\($0)\"\n" } ?? "")
            + "      body \"\(body)\"\n      field eta \"load.eta_minutes\"\n", use: "{{eta}} for {{From}}")
    }

    static func problems(header: String?, body: String) -> [Diagnostic] {
        HTTPRequestTests.diagnostics(flow(header: header, body: body)).filter { $0.id == "body-content-type" }
    }

    @Test func anUnquotedJSONPlaceholderIsAnErrorWithTheFix() throws {
        let found = Self.problems(header: "application/json", body: #"{\"driver\": {{From}}}"#)
        let problem = try #require(found.first)
        #expect(found.count == 1 && problem.severity == .error)
        #expect(problem.message == "`{{From}}` stands outside a JSON string: a value such as `true` or `[…]` would become JSON")
        #expect(problem.help?.contains(#""{{From}}""#) == true)
        #expect(problem.span.start.line == 7 && problem.span.start.column == 12)
    }

    @Test func aQuotedJSONPlaceholderAndAFormBodyAreAccepted() {
        #expect(Self.problems(header: "application/json; charset=utf-8", body: #"{\"driver\": \"{{From}}\"}"#).isEmpty)
        #expect(Self.problems(header: "application/vnd.api+json", body: #"{\"driver\": \"id-{{From}}\"}"#).isEmpty)
        #expect(Self.problems(header: "application/x-www-form-urlencoded", body: "driver={{From}}&role=caller").isEmpty)
        #expect(Self.problems(header: "text/plain", body: "no values here").isEmpty)
    }

    @Test func aBodyWithValuesAndNoOrAnotherContentTypeIsRefused() {
        let none = Self.problems(header: nil, body: #"{\"driver\": \"{{From}}\"}"#)
        #expect(none.map(\.message) == ["the body holds `{{From}}` but the request declares no Content-Type to escape it by"])
        let text = Self.problems(header: "text/plain", body: "driver {{From}}")
        #expect(text.map(\.message) == ["a value cannot be escaped for a `text/plain` body (`{{From}}`)"])
        #expect(text.first?.help?.contains("application/x-www-form-urlencoded") == true)
    }

    @Test func jsonStringsAreReadWithTheirEscapes() {
        // `\"` inside a string does not end it; a string that ends before the placeholder does.
        #expect(HTTPBodyEncoding.unquotedPlaceholders(inJSON: #"{"a": "x\"{{v}}"}"#).isEmpty)
        #expect(HTTPBodyEncoding.unquotedPlaceholders(inJSON: #"{"a": "x\\", "b": {{v}}}"#) == ["v"])
        #expect(HTTPBodyEncoding.unquotedPlaceholders(inJSON: #"[{{a}}, "{{b}}", {{c}}]"#) == ["a", "c"])
    }
}
