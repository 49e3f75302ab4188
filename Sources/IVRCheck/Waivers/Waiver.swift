import IVRLang

/// A compliance exception written in the source: `# ivrc: allow RULE -- reason` silences
/// RULE's diagnostics inside `scope`, and ships in the bundle manifest.
public struct Waiver: Sendable, Hashable, Codable {
    public let rule: String
    public let reason: String
    /// The comment itself.
    public let span: SourceSpan
    /// The statement, step or flow it covers.
    public let scope: SourceSpan

    public init(rule: String, reason: String, span: SourceSpan, scope: SourceSpan) {
        self.rule = rule
        self.reason = reason
        self.span = span
        self.scope = scope
    }

    public var file: String { span.file }
    public var line: Int { span.start.line }

    /// True when `diagnostic` is this waiver's rule and starts inside its scope.
    public func covers(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.id == rule && diagnostic.span.file == scope.file
            && scope.start.offset <= diagnostic.span.start.offset
            && diagnostic.span.start.offset <= scope.end.offset
    }
}
