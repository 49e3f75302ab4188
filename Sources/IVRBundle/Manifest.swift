/// `manifest.json`: everything a server needs to answer Telnyx without reading `.ivr` files.
/// Encoded with sorted keys, so the same flows give the same bytes on every machine.
public struct Manifest: Sendable, Codable, Equatable {
    public static let currentFormatVersion = 1

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

        public init(name: String, number: String, entry: String, inputSHA256: String? = nil, retention: RecordingRetention? = nil) {
            self.name = name
            self.number = number
            self.entry = entry
            self.inputSHA256 = inputSHA256
            self.retention = retention
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
                environment: Environment? = nil) {
        self.formatVersion = formatVersion
        self.compilerVersion = compilerVersion
        self.flows = flows
        self.routes = routes
        self.documents = documents
        self.waivers = waivers
        self.schedules = schedules
        self.environment = environment
    }
}
