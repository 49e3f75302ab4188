/// How documents and routes are addressed: a document `FLOW/NAME.xml` is served at
/// `BASE/FLOW/NAME.xml` and its action route at `BASE/FLOW/NAME.route`. Without a base URL the
/// addresses are relative, which resolves the same way against the document's own URL.
public struct DocumentAddress: Sendable {
    public let baseURL: String?

    public init(baseURL: String?) {
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// The URL of document `name` of `flow`.
    public func document(_ name: String, flow: String) -> String {
        url(name + ".xml", flow: flow)
    }

    /// The action URL of the route belonging to document `name`.
    public func route(_ name: String, flow: String) -> String {
        url(name + ".route", flow: flow)
    }

    /// Where Telnyx reports the recordings made in `step` (`recording-status-callback serve`):
    /// `STEP.recording`, which `ivrc serve` relocates to its recording receiver.
    public func recordingReceiver(step: String, flow: String) -> String {
        url(step + Self.recordingSuffix, flow: flow)
    }

    /// The ending of a bundle path that names a step's recording receiver, not a document.
    public static let recordingSuffix = ".recording"

    private func url(_ file: String, flow: String) -> String {
        guard let baseURL else { return file }
        return "\(baseURL)/\(flow)/\(file)"
    }

    /// The bundle path of a document: `FLOW/NAME.xml`.
    public static func path(_ name: String, flow: String) -> String { "\(flow)/\(name).xml" }
}
