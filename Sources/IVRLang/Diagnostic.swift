/// How bad a finding is. `error` fails `check`/`build`; `warning` does unless waived.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A finding from any phase: a value, never printed by the phase that made it.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// A second place that explains the first (the other half of a cycle, the first definition).
    public struct Note: Sendable, Hashable, Codable {
        public let message: String
        public let span: SourceSpan

        public init(_ message: String, at span: SourceSpan) {
            self.message = message
            self.span = span
        }
    }

    public let severity: Severity
    /// Stable kebab-case rule id (`recording-disclosure`) or syntax id (`syntax`, `indentation`).
    public let id: String
    public let message: String
    public let span: SourceSpan
    public let help: String?
    public let notes: [Note]
    /// Edits that fix it, when the fix is certain enough to apply by machine.
    public let fixIts: [FixIt]

    public init(
        _ severity: Severity, _ id: String, _ message: String, at span: SourceSpan,
        help: String? = nil, notes: [Note] = [], fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.span = span
        self.help = help
        self.notes = notes
        self.fixIts = fixIts
    }

    public static func error(
        _ id: String, _ message: String, at span: SourceSpan, help: String? = nil, notes: [Note] = [],
        fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.error, id, message, at: span, help: help, notes: notes, fixIts: fixIts)
    }

    public static func warning(
        _ id: String, _ message: String, at span: SourceSpan, help: String? = nil, notes: [Note] = [],
        fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.warning, id, message, at: span, help: help, notes: notes, fixIts: fixIts)
    }
}

extension Diagnostic {
    /// Report order: by file, then position, then id, so output is deterministic.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.span.file, $0.span.start.offset, $0.id, $0.message)
                < ($1.span.file, $1.span.start.offset, $1.id, $1.message)
        }
    }
}
