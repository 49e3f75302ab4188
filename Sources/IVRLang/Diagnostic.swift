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

    public private(set) var severity: Severity
    /// A `DiagnosticID`'s raw value: kept a string so JSON and SARIF read and write it as one.
    public let id: String
    public let message: String
    public private(set) var span: SourceSpan
    public let help: String?
    public private(set) var notes: [Note]
    /// Edits that fix it, when the fix is certain enough to apply by machine.
    public private(set) var fixIts: [FixIt]

    public init(
        _ severity: Severity, _ id: DiagnosticID, _ message: String, at span: SourceSpan,
        help: String? = nil, notes: [Note] = [], fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.id = id.rawValue
        self.message = message
        self.span = span
        self.help = help
        self.notes = notes
        self.fixIts = fixIts
    }

    public static func error(
        _ id: DiagnosticID, _ message: String, at span: SourceSpan, help: String? = nil, notes: [Note] = [],
        fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.error, id, message, at: span, help: help, notes: notes, fixIts: fixIts)
    }

    public static func warning(
        _ id: DiagnosticID, _ message: String, at span: SourceSpan, help: String? = nil, notes: [Note] = [],
        fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.warning, id, message, at: span, help: help, notes: notes, fixIts: fixIts)
    }
}

extension Diagnostic {
    /// The same finding with another severity, place, notes or fixes (`--werror`, code copied
    /// from a module): its id, message and help stay.
    public func with(severity: Severity? = nil, span: SourceSpan? = nil, notes: [Note]? = nil,
                     fixIts: [FixIt]? = nil) -> Diagnostic {
        var copy = self
        copy.severity = severity ?? self.severity
        copy.span = span ?? self.span
        copy.notes = notes ?? self.notes
        copy.fixIts = fixIts ?? self.fixIts
        return copy
    }

    /// Report order: by file, then position, then id, so output is deterministic.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.span.file, $0.span.start.offset, $0.id, $0.message)
                < ($1.span.file, $1.span.start.offset, $1.id, $1.message)
        }
    }
}
