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
    /// Each flow's `industry` when it is not `general`, by document path prefix (`FLOW/`).
    public var industries: [String: String]
    /// The first document of each flow's `emergency` step.
    public var emergencyDocuments: Set<String>
    /// Each flow's `daily-call-target` where it is not its industry's, by document path prefix (`FLOW/`).
    public var dailyCallTargets: [String: Int]

    public init(routes: [String: Route] = [:], entries: [String] = [], numbers: [String: String] = [:],
                flowNames: [String: String] = [:], schedules: [String: Schedule] = [:], hashes: [String: String] = [:],
                industries: [String: String] = [:], emergencyDocuments: Set<String> = [], dailyCallTargets: [String: Int] = [:],
                dialPrefixes: [String: [[String]]] = [:]) {
        self.routes = routes
        self.entries = entries
        self.numbers = numbers
        self.flowNames = flowNames
        self.schedules = schedules
        self.hashes = hashes
        self.industries = industries
        self.emergencyDocuments = emergencyDocuments
        self.dailyCallTargets = dailyCallTargets
        self.dialPrefixes = dialPrefixes
    }

    /// The context of a manifest whose bundle directory is `root` ("" for paths as in the manifest).
    public init(manifest: Manifest, root: String) {
        let prefix = root.isEmpty || root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        let routes = Dictionary(manifest.routes.map { path, route in (prefix + path, route.renamingTargets { prefix + $0 }) },
                                uniquingKeysWith: { first, _ in first })
        self.init(
            routes: routes,
            entries: manifest.flows.map { prefix + $0.entry },
            numbers: Dictionary(manifest.flows.map { (prefix + $0.name + "/", $0.number) }, uniquingKeysWith: { first, _ in first }),
            flowNames: Dictionary(manifest.flows.map { (prefix + $0.name + "/", $0.name) }, uniquingKeysWith: { first, _ in first }),
            schedules: manifest.schedules ?? [:],
            hashes: Dictionary(manifest.documents.map { (prefix + $0.key, $0.value.sha256) }, uniquingKeysWith: { first, _ in first }),
            industries: Dictionary(manifest.flows.compactMap { flow in flow.industry.map { (prefix + flow.name + "/", $0) } },
                                   uniquingKeysWith: { first, _ in first }),
            emergencyDocuments: Set(manifest.flows.compactMap { flow in flow.emergencyStep.map { prefix + flow.name + "/" + $0 + ".xml" } }),
            dailyCallTargets: Dictionary(manifest.flows.compactMap { flow in
                let industry = flow.industry.flatMap(Industry.init(rawValue:)) ?? .general
                return flow.dailyCallTarget.flatMap { $0 == industry.dailyCallTarget ? nil : (prefix + flow.name + "/", $0) }
            }, uniquingKeysWith: { first, _ in first }),
            dialPrefixes: Dictionary((manifest.dialPrefixes ?? [:]).map { (prefix + $0.key, $0.value) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The `industry` of the flow `path` belongs to, when the manifest records one.
    public func industry(of path: String) -> String? {
        industries.first { path.hasPrefix($0.key) }?.value
    }

    /// The `daily-call-target` the flow `path` belongs to was written with, when not its industry's.
    public func dailyCallTarget(of path: String) -> Int? {
        dailyCallTargets.first { path.hasPrefix($0.key) }?.value
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
