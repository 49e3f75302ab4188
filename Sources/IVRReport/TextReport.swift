import IVRLang

/// The default format: every diagnostic as `DiagnosticRenderer` draws it, then a count.
public struct TextReport: Sendable {
    public let sources: [SourceFile]
    public let colored: Bool

    public init(sources: [SourceFile], colored: Bool) {
        self.sources = sources
        self.colored = colored
    }

    /// With `flows` (`check`), the count starts with what was checked, clean or not
    /// (`3 flows, 0 errors, 1 warning`), so "nothing printed" is never ambiguous.
    public func render(_ diagnostics: [Diagnostic], flows: Int? = nil) -> String {
        guard !diagnostics.isEmpty || flows != nil else { return "" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let checked = flows.map { "\($0) flow\($0 == 1 ? "" : "s"), " } ?? ""
        return DiagnosticRenderer(sources: sources, colored: colored).render(diagnostics)
            + "\(checked)\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    }
}
