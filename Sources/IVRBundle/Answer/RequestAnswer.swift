/// What a request to a bundle is answered with (`BundleAnswerer.answer`), for the server to
/// turn into an HTTP response and the runtime into a fetched document or a stop.
public enum RequestAnswer<Document, Rejection: Error> {
    /// The document at bundle path `path`, the dials its values refused (each spoken as an
    /// apology), the values this request gathered that were not carried (over the bounds) and,
    /// for an action request, the branch its route took.
    case document(path: String, Document, refusals: [ValueFilling.Refusal], refusedValues: [CallValues.Refusal], route: RouteDecision?)
    /// `path` names no document of the bundle.
    case unknownDocument(path: String)
    /// The route `path` has no entry for the request, or no route exists there.
    case noRoute(path: String)
    /// The document filled with this call's values is not valid TeXML (`message` may quote a value).
    case invalidFilledDocument(path: String, message: String)
    /// An `hours` route was reached and nothing says what time it is.
    case momentNeeded(schedule: String)
    /// The values the request carries were refused.
    case carriedValuesRejected(Rejection)
}

/// The values a request brings in.
public enum IncomingValues: Sendable {
    /// A call's first request: the call's own fields.
    case firstRequest(CallValues)
    /// A later request: the token its URL carries (`v=`), if any, opened by the `CallValueCarrier`.
    case carried(token: String?)
}
