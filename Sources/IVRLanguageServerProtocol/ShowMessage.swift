/// `window/showMessage`: something the user must know that belongs to no line (a values file
/// that cannot be read, how a test run went).
public struct ShowMessageParams: Sendable, Hashable, Codable {
    /// 1 = Error, 2 = Warning, 3 = Info, 4 = Log.
    public let type: Int
    public let message: String

    public init(type: Int, message: String) {
        self.type = type
        self.message = message
    }
}

/// `window/logMessage` has the same members; the client keeps it in its log (VS Code's output
/// channel, Neovim's `:LspLog`) instead of showing it.
public typealias LogMessageParams = ShowMessageParams
