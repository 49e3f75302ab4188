import IVRBundle
import IVRCheck

/// What an ivrc bundle's `manifest.json` adds to bare TeXML files: the route table behind each
/// `NAME.route` action URL (which key leads where), each flow's entry document and inbound
/// number. Paths are the documents' paths as given (the manifest's paths under `root`).
public struct BundleContext: Sendable {
    /// Route of each document that has an action, by document path.
    public var routes: [String: Route]
    /// Entry documents, where calls start.
    public var entries: [String]
    /// Inbound number (E.164) of the flow each document belongs to, by document path prefix (`FLOW/`).
    public var numbers: [String: String]
    /// Flow names by document path prefix (`FLOW/`).
    public var flowNames: [String: String]
    /// Opening hours by `FLOW/NAME`, as in the manifest.
    public var schedules: [String: Schedule]
    /// The SHA-256 (hex) the manifest records for each document, by document path.
    public var hashes: [String: String]
    /// The prefixes bounding each `<Dial>` of a document, in order, by document path
    /// (`Manifest.dialPrefixes`): written back as the dial's `allow=`.
    public var dialPrefixes: [String: [[String]]]

    public init(routes: [String: Route] = [:], entries: [String] = [], numbers: [String: String] = [:],
                flowNames: [String: String] = [:], schedules: [String: Schedule] = [:], hashes: [String: String] = [:],
                dialPrefixes: [String: [[String]]] = [:]) {
        self.routes = routes
        self.entries = entries
        self.numbers = numbers
        self.flowNames = flowNames
        self.schedules = schedules
        self.hashes = hashes
        self.dialPrefixes = dialPrefixes
    }

    /// The context of a manifest whose bundle directory is `root` ("" for paths as in the manifest).
    public init(manifest: Manifest, root: String) {
        let prefix = root.isEmpty || root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        func rebased(_ path: String?) -> String? { path.map { prefix + $0 } }
        var routes: [String: Route] = [:]
        for (path, route) in manifest.routes {
            var moved = route
            moved.keys = route.keys?.mapValues { prefix + $0 }
            moved.speech = route.speech?.mapValues { prefix + $0 }
            moved.invalid = rebased(route.invalid)
            moved.timeout = rebased(route.timeout)
            moved.next = rebased(route.next)
            moved.answered = rebased(route.answered)
            moved.emergency = rebased(route.emergency)
            moved.open = rebased(route.open)
            moved.closed = rebased(route.closed)
            routes[prefix + path] = moved
        }
        self.init(
            routes: routes,
            entries: manifest.flows.map { prefix + $0.entry },
            numbers: Dictionary(manifest.flows.map { (prefix + $0.name + "/", $0.number) }, uniquingKeysWith: { first, _ in first }),
            flowNames: Dictionary(manifest.flows.map { (prefix + $0.name + "/", $0.name) }, uniquingKeysWith: { first, _ in first }),
            schedules: manifest.schedules ?? [:],
            hashes: Dictionary(manifest.documents.map { (prefix + $0.key, $0.value.sha256) }, uniquingKeysWith: { first, _ in first }),
            dialPrefixes: Dictionary((manifest.dialPrefixes ?? [:]).map { (prefix + $0.key, $0.value) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The inbound number of the flow `path` belongs to.
    public func number(of path: String) -> String? {
        numbers.first { path.hasPrefix($0.key) }?.value
    }

    /// The name of the flow `path` belongs to.
    public func flowName(of path: String) -> String? {
        flowNames.first { path.hasPrefix($0.key) }?.value
    }
}
