import IVRLang

extension DiagnosticID {
    public static let invalidNumber = DiagnosticID(
        "invalid-number",
        summary: "every phone number is a valid E.164 number",
        explanation: """
            Telnyx routes numbers in E.164 form: `+`, a country code that never starts with 0, \
            then the subscriber number, 15 digits at most. Local forms (a leading 0 trunk prefix, \
            a missing country code) and short codes fail at call time, usually on the one call \
            that matters. The rule checks the flow's `number` and every number a `dial` rings, \
            and accepts 7 to 15 digits: 7 is the shortest real international number (a 3-digit \
            country code and a 4-digit subscriber number). Dashes are ignored; the help shows the \
            number as the compiler reads it.
            """,
        reported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial ↓+0-20-7946-0018
            """,
            """
            flow front_desk
              number ↓+1-800-555-01579999999

              step start
                dial +1-555-010-0200
            """,
        ],
        notReported: [
            """
            flow front_desk
              number +1-800-555-0157

              step start
                dial +44-20-7946-0018
            """,
        ])
}

/// Every phone number written in a flow is a dialable E.164 number.
public struct InvalidNumberRule: Rule {
    public init() {}

    /// E.164 allows at most 15 digits. The shortest numbers in real use are 7 digits
    /// (a 3-digit country code and a 4-digit subscriber number, e.g. Niue, Tokelau), so
    /// anything shorter is a typo or a local short code, which a carrier cannot route.
    static let digitRange = 7...15

    public let description = RuleDescription(.invalidNumber)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap { flow in
            var findings: [Diagnostic] = []
            if let number = flow.number, let range = flow.numberRange, let problem = problem(with: number) {
                findings.append(report(number, problem, flow.span(range)))
            }
            for step in flow.steps {
                for action in step.actions {
                    guard case .dial(let targets, _, _) = action.kind else { continue }
                    for target in targets where target.kind == .number && !Placeholder.isPlaceholder(target.value) {
                        if let problem = problem(with: target.value) {
                            findings.append(report(target.value, problem, flow.span(target.range)))
                        }
                    }
                }
            }
            return findings
        }
    }

    /// What is wrong with a normalised `+digits` number, or nil when it is valid.
    func problem(with number: String) -> String? {
        let digits = number.drop { $0 == "+" }
        if digits.first == "0" { return "country codes never start with 0" }
        if digits.count > Self.digitRange.upperBound { return "it has \(digits.count) digits; E.164 allows 15 at most" }
        if digits.count < Self.digitRange.lowerBound {
            return "it has \(digits.count) digits; an international number has at least \(Self.digitRange.lowerBound)"
        }
        return nil
    }

    private func report(_ number: String, _ problem: String, _ span: SourceSpan) -> Diagnostic {
        let fix = number.hasPrefix("+0")
            ? "drop the local trunk prefix and write the country code: `+` then the country code then the number"
            : "write the full international number: `+`, country code, number"
        return finding("\(number) is not a valid E.164 phone number: \(problem)", at: span,
                       help: "as written it reads \(number); \(fix)")
    }
}
