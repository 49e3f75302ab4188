import IVRLang
import TeXMLSchema

extension FlowWriter {
    /// A bundle's `<HttpRequest async="false">` whose route continues at a step, back as the
    /// `http-request` statement it was lowered from (URL, method, headers, body, fields); nil
    /// for any other `<HttpRequest>`, which is written element by element.
    mutating func writeHTTPRequest(_ verb: XMLElement, following: ArraySlice<XMLElement>, in path: String, indent: Int) -> VerbOutcome? {
        guard verb.attribute("async") == "false",
              let request = verb.elements.first(where: { $0.name == "Request" }),
              let url = request.attribute("url"), IVRText.isURLToken(url),
              case .route(let route) = links.actionTarget(of: verb, from: path, context: options.context),
              route.kind == .httpRequest, let next = route.next else { return nil }
        let headers = request.elements.filter { $0.name == "Headers" }.flatMap { $0.elements.filter { $0.name == "Header" } }
            .map { (key: Self.child("Key", of: $0), value: Self.child("Value", of: $0)) }
        let fields = verb.elements.filter { $0.name == "Response" }.flatMap { $0.elements.filter { $0.name == "Content" } }
            .flatMap { $0.elements.filter { $0.name == "Field" } }
            .map { (name: Self.child("Value", of: $0), path: Self.child("Name", of: $0)) }
        // Header keys and field names are written as words: anything else stays element by element.
        guard headers.allSatisfy({ Parser.isIdentifierText($0.key) }), fields.allSatisfy({ Parser.isIdentifierText($0.name) }) else {
            return nil
        }
        let method = request.attribute("method").map { " method=\($0)" } ?? ""
        statement("http-request \(url)\(method) -> \(stepName(next))", indent: indent)
        for header in headers { statement("header \(header.key) \(StringLiteral.quote(header.value))", indent: indent + 2) }
        if let body = request.elements.first(where: { $0.name == "Body" }) {
            statement("body \(StringLiteral.quote(body.text))", indent: indent + 2)
        }
        for field in fields {
            let fallback = route.defaults?[field.name].map { " default=\(StringLiteral.quote($0))" } ?? ""
            statement("field \(field.name) \(StringLiteral.quote(field.path))\(fallback)", indent: indent + 2)
        }
        if let failure = route.failure { statement("on failure -> \(stepName(failure))", indent: indent + 2) }
        // The redirect to its own route after it is how a failed request reaches that route.
        let asksRoute = following.first.map {
            $0.name == "Redirect" && $0.text.trimmingCharacters(in: .whitespacesAndNewlines) == verb.attribute("action")
        } ?? false
        return .ends(consumed: asksRoute ? 1 : 0)
    }

    private static func child(_ name: String, of element: XMLElement) -> String {
        element.elements.first { $0.name == name }?.text ?? ""
    }
}
