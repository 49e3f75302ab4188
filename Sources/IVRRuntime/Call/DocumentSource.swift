import IVRBundle
import TeXMLSchema

/// Where a call's documents come from. The simulator runs the same call against the bundle in
/// memory (`CallProgram`) or against a live `ivrc serve` over HTTP, so one set of `test` blocks
/// proves both: the session decides what TeXML does, the source only answers requests.
public protocol DocumentSource: Sendable {
    /// Requests `url` as written in the document at `address` (for the call's first request,
    /// `address` is nil and `url` is where the call starts), with the action's parameters
    /// (nil for a `<Redirect>` or the first request).
    func request(_ url: String, from address: String?, parameters: [String: String]?) -> Fetch

    /// `url` from the document at `address`, resolved to what the source would request: a
    /// bundle path or an absolute URL. Shown to the caller and used by the path explorer.
    func resolvedAddress(_ url: String, from address: String) -> String
}

/// The answer to one request.
public enum Fetch: Sendable {
    case document(FetchedDocument)
    /// The URL leaves the flow (another host, an outside service): Telnyx would fetch it, the
    /// simulation ends there.
    case handedOff(url: String)
    case failed(StopReason)
}

/// A TeXML document as fetched, with where it came from.
public struct FetchedDocument: Sendable {
    /// What relative URLs in it resolve against: a bundle path, or the absolute URL it was
    /// requested from.
    public let address: String
    /// The bundle path it was served from, when the source knows it (a live server names it in
    /// a response header); the `.ivr` step derives from it.
    public let bundlePath: String?
    /// The `<Response>` element.
    public let root: XMLElement
    /// For an action request, the branch its route took, when the source knows it (the
    /// bundle in memory does; a live server does not say).
    public let route: RouteDecision?

    public init(address: String, bundlePath: String?, root: XMLElement, route: RouteDecision? = nil) {
        self.address = address
        self.bundlePath = bundlePath
        self.root = root
        self.route = route
    }
}
