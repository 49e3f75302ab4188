/// `textDocument/publishDiagnostics`: the whole set for one document (an empty set clears it).
public struct PublishDiagnosticsParams: Sendable, Hashable, Codable {
    public let uri: String
    public let version: Int?
    public let diagnostics: [LSPDiagnostic]

    public init(uri: String, version: Int?, diagnostics: [LSPDiagnostic]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }
}

/// The protocol's `Diagnostic` (named apart from ivrc's own `Diagnostic` value).
public struct LSPDiagnostic: Sendable, Hashable, Codable {
    public enum Severity: Int, Sendable, Hashable, Codable {
        case error = 1
        case warning = 2
        case information = 3
        case hint = 4
    }

    public enum Tag: Int, Sendable, Hashable, Codable {
        case unnecessary = 1
        case deprecated = 2
    }

    public struct CodeDescription: Sendable, Hashable, Codable {
        public let href: String

        public init(href: String) { self.href = href }
    }

    public struct RelatedInformation: Sendable, Hashable, Codable {
        public let location: Location
        public let message: String

        public init(location: Location, message: String) {
            self.location = location
            self.message = message
        }
    }

    public let range: Range
    public let severity: Severity
    public let code: String
    public let codeDescription: CodeDescription?
    public let source: String
    public let message: String
    public let tags: [Tag]?
    public let relatedInformation: [RelatedInformation]?

    public init(range: Range, severity: Severity, code: String, codeDescription: CodeDescription? = nil,
                source: String, message: String, tags: [Tag]? = nil, relatedInformation: [RelatedInformation]? = nil) {
        self.range = range
        self.severity = severity
        self.code = code
        self.codeDescription = codeDescription
        self.source = source
        self.message = message
        self.tags = tags
        self.relatedInformation = relatedInformation
    }
}
