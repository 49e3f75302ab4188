import IVRCheck
import IVRLang

extension DiagnosticID {
    public static let noShouting = DiagnosticID(
        "no-shouting", .warning,
        summary: "A prompt is written in capital letters.",
        explanation: "Text-to-speech reads capitals as shouting or spells them out; write prompts in sentence case.",
        reported: ["""
            flow line
              number +1-800-555-0157
              step welcome
                say "WELCOME TO THE CLINIC"
            """],
        notReported: ["""
            flow line
              number +1-800-555-0157
              step welcome
                say "Welcome to the clinic"
            """])
}

/// A rule for tests of the machinery around rules (waivers, reports, `explain`) that must not
/// change when a real rule's wording does: a `say` written in capitals is reported.
public struct ShoutingRule: Rule {
    public init() {}

    public let description = RuleDescription(.noShouting)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap { flow in
            flow.steps.flatMap(\.actions).compactMap { action -> Diagnostic? in
                guard case .say(let text, _, _, _) = action.kind, text.contains(where: \.isLetter),
                      text == text.uppercased() else { return nil }
                return finding("this prompt is written in capitals", at: flow.span(action.range),
                               help: "write it in sentence case")
            }
        }
    }
}
