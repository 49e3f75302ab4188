import IVRLang

/// One environment's values (`environments/production.toml`): what `env.NAME` in a flow and
/// `{{env.NAME}}` in its text stand for when built for that environment. Read by
/// `IVREnvironment`; substituted before resolution, so every rule runs on the values.
public struct EnvironmentValues: Sendable {
    /// `production`, `staging`, …
    public let name: String
    /// The values file, for diagnostics about its keys and for the manifest.
    public let file: SourceFile
    /// Every key with its value as text, and the line it is written on.
    public let values: [String: (text: String, line: Int)]

    public init(name: String, file: SourceFile, values: [String: (text: String, line: Int)]) {
        self.name = name
        self.file = file
        self.values = values
    }
}
