import IVRLang

/// Past this many, diagnostics are noise, and hostile input can produce millions: every
/// command prints the first ones and counts the rest on stderr.
enum DiagnosticLimit {
    static let shown = 200

    /// Notes on stderr that `hidden` diagnostics were not printed, with the totals of `all`.
    static func noteHidden(_ hidden: Int, of all: [Diagnostic]) {
        guard hidden > 0 else { return }
        let errors = all.filter { $0.severity == .error }.count
        standardError("ivrc: \(hidden) more diagnostic(s) not shown; \(errors) error(s), \(all.count - errors) warning(s) in all\n")
    }
}
