import IVRLang

/// One test block's result, or one flow's path exploration, as `ivrc test --format json`
/// lists it beside the diagnostics, so a CI pipeline can read each test without the text.
public struct TestResult: Sendable, Encodable, Equatable {
    public let flow: String
    /// The test block's name; absent for a path exploration.
    public let test: String?
    public let file: String
    public let line: Int
    public let column: Int
    /// `passed` or `failed`.
    public let status: String
    /// Why it failed; absent when it passed.
    public let failure: String?
    /// Path exploration only: paths followed, and the steps none of them entered.
    public let pathsExplored: Int?
    public let stepsNotReached: [String]?

    public init(flow: String, test: String?, at span: SourceSpan, failure: String?,
                pathsExplored: Int? = nil, stepsNotReached: [String]? = nil) {
        self.flow = flow
        self.test = test
        self.file = span.file
        self.line = span.start.line
        self.column = span.start.column
        self.status = failure == nil ? "passed" : "failed"
        self.failure = failure
        self.pathsExplored = pathsExplored
        self.stepsNotReached = stepsNotReached
    }
}
