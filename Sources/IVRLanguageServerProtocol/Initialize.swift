/// `initialize` parameters: only what the server reads.
public struct InitializeParams: Sendable, Codable {
    public struct ClientCapabilities: Sendable, Codable {
        public struct General: Sendable, Codable {
            public let positionEncodings: [String]?
        }

        public let general: General?
    }

    public struct WorkspaceFolder: Sendable, Codable {
        public let uri: String
        public let name: String
    }

    public let processId: Int?
    public let rootUri: String?
    public let rootPath: String?
    public let workspaceFolders: [WorkspaceFolder]?
    public let capabilities: ClientCapabilities
    public let initializationOptions: JSONValue?

    public init(processId: Int?, rootUri: String?, rootPath: String? = nil, workspaceFolders: [WorkspaceFolder]? = nil,
                capabilities: ClientCapabilities, initializationOptions: JSONValue? = nil) {
        self.processId = processId
        self.rootUri = rootUri
        self.rootPath = rootPath
        self.workspaceFolders = workspaceFolders
        self.capabilities = capabilities
        self.initializationOptions = initializationOptions
    }
}

public struct InitializeResult: Sendable, Codable {
    public struct ServerInfo: Sendable, Codable {
        public let name: String
        public let version: String?
    }

    public let capabilities: ServerCapabilities
    public let serverInfo: ServerInfo

    public init(capabilities: ServerCapabilities, serverName: String, version: String) {
        self.capabilities = capabilities
        self.serverInfo = ServerInfo(name: serverName, version: version)
    }
}

/// What the server does. Diagnostics are pushed, so there is no `diagnosticProvider` (pull).
public struct ServerCapabilities: Sendable, Codable {
    public struct TextDocumentSyncOptions: Sendable, Codable {
        public let openClose: Bool
        /// 1 = Full: every change carries the whole text.
        public let change: Int
        public let save: Bool
    }

    public struct CompletionOptions: Sendable, Codable {
        public let triggerCharacters: [String]
    }

    public struct RenameOptions: Sendable, Codable {
        public let prepareProvider: Bool
    }

    public struct CodeActionOptions: Sendable, Codable {
        public let codeActionKinds: [String]
    }

    /// Lenses come with their command, so none needs resolving.
    public struct CodeLensOptions: Sendable, Codable {
        public let resolveProvider: Bool
    }

    public struct ExecuteCommandOptions: Sendable, Codable {
        public let commands: [String]
    }

    public let positionEncoding: PositionEncodingKind
    public let textDocumentSync: TextDocumentSyncOptions
    public let documentFormattingProvider: Bool
    public let documentRangeFormattingProvider: Bool
    public let documentSymbolProvider: Bool
    public let foldingRangeProvider: Bool
    public let definitionProvider: Bool
    public let referencesProvider: Bool
    public let renameProvider: RenameOptions
    public let hoverProvider: Bool
    public let completionProvider: CompletionOptions
    public let codeActionProvider: CodeActionOptions
    public let codeLensProvider: CodeLensOptions
    public let executeCommandProvider: ExecuteCommandOptions

    /// `commands`: what `workspace/executeCommand` runs (the code lenses' commands).
    public init(positionEncoding: PositionEncodingKind, commands: [String]) {
        self.positionEncoding = positionEncoding
        textDocumentSync = TextDocumentSyncOptions(openClose: true, change: 1, save: true)
        documentFormattingProvider = true
        documentRangeFormattingProvider = true
        documentSymbolProvider = true
        foldingRangeProvider = true
        definitionProvider = true
        referencesProvider = true
        renameProvider = RenameOptions(prepareProvider: true)
        hoverProvider = true
        completionProvider = CompletionOptions(triggerCharacters: [" ", ".", "="])
        codeActionProvider = CodeActionOptions(codeActionKinds: ["quickfix"])
        codeLensProvider = CodeLensOptions(resolveProvider: false)
        executeCommandProvider = ExecuteCommandOptions(commands: commands)
    }
}
