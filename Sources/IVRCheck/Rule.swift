import IVRLang

/// What a rule is, for `ivrc rules`, `ivrc explain`, SARIF and the rule's own tests.
/// The examples are whole `.ivr` sources: the tests check that each `failing` one is
/// reported and each `passing` one is not, and `explain` prints them.
public struct RuleDescription: Sendable {
    public let id: String
    public let severity: Severity
    /// One line for `ivrc rules`.
    public let summary: String
    /// One paragraph for `ivrc explain`.
    public let explanation: String
    /// Industries the rule applies to; empty means every flow.
    public let industries: [Industry]
    public let failing: [String]
    public let passing: [String]

    public init(id: String, severity: Severity, summary: String, explanation: String,
                industries: [Industry] = [], failing: [String], passing: [String]) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.industries = industries
        self.failing = failing
        self.passing = passing
    }

    public func applies(to flow: Flow) -> Bool {
        industries.isEmpty || industries.contains(flow.industry)
    }
}

/// A check over the resolved graph. Rules never print; they return diagnostics.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ graph: FlowGraph) -> [Diagnostic]
}

extension Rule {
    /// A diagnostic carrying this rule's id and severity.
    public func finding(_ message: String, at span: SourceSpan, help: String? = nil,
                        notes: [Diagnostic.Note] = []) -> Diagnostic {
        Diagnostic(description.severity, description.id, message, at: span, help: help, notes: notes)
    }
}
