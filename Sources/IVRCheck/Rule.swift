import IVRLang

/// What a rule is, for `ivrc rules`, `ivrc explain`, SARIF and the rule's own tests: its
/// `DiagnosticID` (id, severity, text and examples, described once) and where it applies.
public struct RuleDescription: Sendable {
    public let diagnostic: DiagnosticID
    /// Industries the rule applies to; empty means every flow.
    public let industries: [Industry]

    public init(_ diagnostic: DiagnosticID, industries: [Industry] = []) {
        self.diagnostic = diagnostic
        self.industries = industries
    }

    public var id: String { diagnostic.rawValue }
    public var severity: Severity { diagnostic.severity }
    /// One line for `ivrc rules`.
    public var summary: String { diagnostic.summary }
    /// One paragraph for `ivrc explain`.
    public var explanation: String { diagnostic.explanation }
    public var reported: [DiagnosticExample] { diagnostic.reported }
    public var notReported: [DiagnosticExample] { diagnostic.notReported }

    public func applies(to flow: Flow) -> Bool {
        industries.isEmpty || industries.contains(flow.industry)
    }
}

/// A check over the resolved graph. Rules never print; they return diagnostics.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    /// Whether a finding can depend on more than one flow (`duplicate-number`). A rule that
    /// does not is checked flow by flow, and its findings are kept for a flow that did not change.
    var spansFlows: Bool { get }
    func check(_ graph: FlowGraph) -> [Diagnostic]
}

extension Rule {
    public var spansFlows: Bool { false }

    /// A diagnostic carrying this rule's id and severity.
    public func finding(_ message: String, at span: SourceSpan, help: String? = nil,
                        notes: [Diagnostic.Note] = [], fixIts: [FixIt] = []) -> Diagnostic {
        Diagnostic(description.severity, description.diagnostic, message, at: span, help: help, notes: notes, fixIts: fixIts)
    }
}
