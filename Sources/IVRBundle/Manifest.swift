/// `manifest.json`: everything a server needs to answer Telnyx without reading `.ivr` files.
/// Encoded with sorted keys, so the same flows give the same bytes on every machine.
public struct Manifest: Sendable, Codable, Equatable {
    /// 2: `dialPrefixes` bounds value-filled dials; a reader of format 1 would ignore them and
    /// dial any number, so it must refuse the bundle instead.
    public static let currentFormatVersion = 2

    public struct FlowEntry: Sendable, Codable, Equatable {
        public let name: String
        /// Inbound number in E.164.
        public let number: String
        /// Bundle path of the document fetched when the number is called.
        public let entry: String
        /// SHA-256 of everything that decides the flow's documents (`FlowInputHash`): a
        /// rebuild whose flow has the same hash reuses those documents. Absent in bundles
        /// written before incremental builds, which are then rebuilt in full.
        public let inputSHA256: String?
        /// How long `ivrc serve` keeps the flow's recordings (`retention`, else the industry's
        /// standard). Absent in bundles written before recordings were received.
        public let retention: RecordingRetention?
        /// The step marked `emergency`, whose entries and dial outcomes the server counts apart.
        public let emergencyStep: String?
        /// `languages`, the first where every call starts; absent unless the flow has two or more.
        public let languages: [String]?
        /// Calls a day the onboarding plan expects of the flow's `industry` (healthcare 100,
        /// fleet 50); absent for `general`. The server exports it for the call-volume alert.
        public let dailyCallTarget: Int?
        /// The flow's `industry` (`healthcare`, `fleet`), absent for `general`: `ivrc import`
        /// writes it back, so the imported flow is held to the same rules.
        public let industry: String?

        public init(name: String, number: String, entry: String, inputSHA256: String? = nil, retention: RecordingRetention? = nil,
                    emergencyStep: String? = nil, languages: [String]? = nil, dailyCallTarget: Int? = nil, industry: String? = nil) {
            self.name = name
            self.number = number
            self.entry = entry
            self.inputSHA256 = inputSHA256
            self.retention = retention
            self.emergencyStep = emergencyStep
            self.languages = languages
            self.dailyCallTarget = dailyCallTarget
            self.industry = industry
        }
    }

    public struct DocumentEntry: Sendable, Codable, Equatable {
        public let sha256: String

        public init(sha256: String) { self.sha256 = sha256 }
    }

    /// A compliance exception that shipped: which rule was silenced where, and why.
    public struct Waiver: Sendable, Codable, Equatable {
        public let file: String
        public let line: Int
        public let rule: String
        public let reason: String

        public init(file: String, line: Int, rule: String, reason: String) {
            self.file = file
            self.line = line
            self.rule = rule
            self.reason = reason
        }
    }

    public let formatVersion: Int
    public let compilerVersion: String
    public let flows: [FlowEntry]
    /// Route of every document with an action URL, by document path.
    public let routes: [String: Route]
    /// SHA-256 (hex) of every document, by bundle path.
    public let documents: [String: DocumentEntry]
    public let waivers: [Waiver]
    /// Opening hours by `FLOW/NAME`, for `hours` routes; absent when no flow has any.
    public let schedules: [String: Schedule]?
    /// The environment the bundle was built for (`--env`), absent without one.
    public let environment: Environment?
    /// The E.164 prefixes the value-filled numbers of a document's `<Dial>`s may start with
    /// (`allow=`, `dial-prefixes`), by document path: one list per `<Dial>` of the document,
    /// in order, empty for a dial with no such bound. Absent when no dial is bounded.
    public let dialPrefixes: [String: [[String]]]?

    /// Which values went into the bundle: the environment's name and a SHA-256 over the
    /// `key=value` lines of the values the flows used, so two deployments can be compared.
    public struct Environment: Sendable, Codable, Equatable {
        public let name: String
        public let valuesSHA256: String

        public init(name: String, valuesSHA256: String) {
            self.name = name
            self.valuesSHA256 = valuesSHA256
        }
    }

    public init(formatVersion: Int, compilerVersion: String, flows: [FlowEntry], routes: [String: Route],
                documents: [String: DocumentEntry], waivers: [Waiver], schedules: [String: Schedule]? = nil,
                environment: Environment? = nil, dialPrefixes: [String: [[String]]]? = nil) {
        self.formatVersion = formatVersion
        self.compilerVersion = compilerVersion
        self.flows = flows
        self.routes = routes
        self.documents = documents
        self.waivers = waivers
        self.schedules = schedules
        self.environment = environment
        self.dialPrefixes = dialPrefixes
    }

    /// The prefixes bounding each `<Dial>` of document `path`, in order; empty when none is bounded.
    public func dialPrefixes(of path: String) -> [[String]] {
        dialPrefixes?[path] ?? []
    }
}
