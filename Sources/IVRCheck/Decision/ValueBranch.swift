import IVRBundle
import IVRLang

/// `branch {{NAME}}`: the call goes on at the first `on …` line its value matches, decided
/// per request from the values the call carries (like `hours`, by the server).
public struct ValueBranch: Sendable {
    /// The carried value it reads (`status` for `{{status}}`).
    public let value: String
    /// Where `{{NAME}}` is written.
    public let valueRange: SourceRange
    /// In order; the last is `on other`.
    public let cases: [Case]

    public struct Case: Sendable {
        public let condition: ValueCondition
        /// The step taken; nil when the written name did not resolve (already reported).
        public let target: Int?
        /// The `on …` line.
        public let range: SourceRange
    }

    /// The first case the value matches (there is always one: `on other`).
    public func decide(_ value: String?) -> Case? {
        cases.first { $0.condition.matches(value) }
    }
}
