/// The part of the SARIF 2.1.0 object model ivrc writes (OASIS SARIF 2.1.0, errata 01).
/// Property names are SARIF's; optional properties left nil are not written.
struct SARIFLog: Encodable {
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    let schema = SARIFLog.schemaURI
    let version = "2.1.0"
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version
        case runs
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        /// ivrc's columns count Unicode scalars.
        let columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String?
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let shortDescription: Message
        let fullDescription: Message
        let help: MultiformatMessage
        let defaultConfiguration: Configuration
        let properties: Properties?
    }

    struct Properties: Encodable {
        let tags: [String]
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct Message: Encodable {
        let text: String
    }

    struct MultiformatMessage: Encodable {
        let text: String
        let markdown: String
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let relatedLocations: [Location]?
        /// Present for findings a waiver silenced: shown as suppressed, with the reason.
        let suppressions: [Suppression]?
        /// The finding's fix-its, when it has any.
        let fixes: [Fix]?
    }

    /// SARIF 2.1.0 §3.55: a fix is a set of replacements in files.
    struct Fix: Encodable {
        let description: Message
        let artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }

    struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: InsertedContent
    }

    struct InsertedContent: Encodable {
        let text: String
    }

    struct Suppression: Encodable {
        let kind = "inSource"
        let justification: String
    }

    struct Location: Encodable {
        /// Distinguishes related locations, which SARIF requires to be unique.
        let id: Int?
        let physicalLocation: PhysicalLocation
        let message: Message?
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        /// One past the last character, as SARIF counts.
        let endColumn: Int
    }
}
