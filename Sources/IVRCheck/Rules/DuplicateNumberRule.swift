import IVRLang

extension DiagnosticID {
    public static let duplicateNumber = DiagnosticID(
        "duplicate-number",
        summary: "no two flows answer the same number",
        explanation: """
            A number can ring only one flow: the bundle maps each inbound number to one entry \
            document, so a second flow with the same `number` would silently never run, or \
            replace the first depending on build order. This usually comes from copying a flow \
            as a starting point. Numbers are compared in E.164 form, so `+1-800-555-0157` and \
            `+18005550157` are the same. Give the new flow its own number.
            """,
        reported: [
            """
            flow intake
              number +1-800-555-0157

              step start
                dial +1-555-010-0200

            flow intake_copy
              number ↓+18005550157

              step start
                dial +1-555-010-0300
            """,
        ],
        notReported: [
            """
            flow intake
              number +1-800-555-0157

              step start
                dial +1-555-010-0200

            flow billing
              number +1-800-596-3058

              step start
                dial +1-555-010-0300
            """,
        ])
}

/// Each inbound number belongs to one flow.
public struct DuplicateNumberRule: Rule {
    public init() {}

    public let description = RuleDescription(.duplicateNumber)
    public let spansFlows = true

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        var first: [String: Flow] = [:]
        var findings: [Diagnostic] = []
        for flow in graph.flows {
            guard let number = flow.number, let range = flow.numberRange else { continue }
            guard let owner = first[number] else {
                first[number] = flow
                continue
            }
            findings.append(finding(
                "flow `\(flow.name)` answers \(number), which flow `\(owner.name)` already answers",
                at: flow.span(range), help: "each number rings one flow; give one of them its own number",
                notes: [.init("`\(owner.name)` answers \(number) here", at: owner.span(owner.numberRange ?? owner.nameRange))]))
        }
        return findings
    }
}
