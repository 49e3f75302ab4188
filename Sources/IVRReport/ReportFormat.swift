/// How `check` and `build` print diagnostics (`--format`).
public enum ReportFormat: String, Sendable, CaseIterable {
    /// For people: the source line with carets; colour on a terminal.
    case text
    /// One JSON document with every diagnostic, keys sorted.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands, shown as annotations on the pull request.
    case github
}
