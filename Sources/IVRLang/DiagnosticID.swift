/// A diagnostic id with what it means: the one entry `ivrc explain`, `ivrc rules`, SARIF and the
/// example tests read. Every emit site names one of these constants, so every id that can be
/// reported is described, once (as swift-syntax's `MessageID`).
public struct DiagnosticID: Sendable, Hashable, CustomStringConvertible {
    /// The stable kebab-case id written in every output format (`recording-disclosure`, `syntax`).
    public let rawValue: String
    /// The severity it is reported with; a rule's, or the front end's usual one.
    public let severity: Severity
    /// One line for `ivrc rules` and the `ivrc explain` index.
    public let summary: String
    /// One paragraph for `ivrc explain`.
    public let explanation: String
    /// Inputs that report the id, markers at each finding, and inputs that do not.
    public let reported: [DiagnosticExample]
    public let notReported: [DiagnosticExample]
    /// Why no example can show the id (it is about another command's input, or about bytes a
    /// text cannot hold); nil for every id a `.ivr` file, values file or test block can produce.
    public let noExample: String?

    public init(_ rawValue: String, _ severity: Severity = .error, summary: String, explanation: String,
                reported: [DiagnosticExample], notReported: [DiagnosticExample]) {
        self.rawValue = rawValue
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.reported = reported
        self.notReported = notReported
        self.noExample = nil
    }

    /// An id no example can show; `reason` says why, for the tests and the next reader.
    public init(_ rawValue: String, _ severity: Severity = .error, summary: String, explanation: String,
                noExample reason: String) {
        self.rawValue = rawValue
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.reported = []
        self.notReported = []
        self.noExample = reason
    }

    public var description: String { rawValue }

    public static func == (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
