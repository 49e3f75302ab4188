import IVRLang

/// The default format: every diagnostic as `DiagnosticRenderer` draws it, then a count.
public struct TextReport: Sendable {
    public let sources: [SourceFile]
    public let colored: Bool

    public init(sources: [SourceFile], colored: Bool) {
        self.sources = sources
        self.colored = colored
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return DiagnosticRenderer(sources: sources, colored: colored).render(diagnostics)
            + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    }
}
