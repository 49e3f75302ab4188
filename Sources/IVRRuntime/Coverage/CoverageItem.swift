import IVRLang

/// One thing a flow's tests can reach: a step, one branch of a decision, a language.
public struct CoverageItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case step, branch, language
    }

    public let kind: Kind
    /// How the reports name it: `` step `billing` ``, `` menu of `welcome`: key 3 ``.
    public let label: String
    public let span: SourceSpan
    /// The step it belongs to: the step itself, or for a branch the step whose decision it
    /// is (branches of one decision share it); nil for a language.
    public let step: String?
    /// The source lines (in `span`'s file) that run when it is reached: a step's statements,
    /// a branch's line and the block written under it.
    public let lines: [Int]
    /// How many of the flow's tests reached it.
    public var hits: Int

    public init(kind: Kind, label: String, span: SourceSpan, step: String? = nil, lines: [Int] = [], hits: Int = 0) {
        self.kind = kind
        self.label = label
        self.span = span
        self.step = step
        self.lines = lines
        self.hits = hits
    }
}
