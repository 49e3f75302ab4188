import IVRCheck
import IVRLang

/// A small rule for these tests (the real rules live on their own branch): a `say` written
/// in capitals is reported. Its examples feed the `explain` tests like a real rule's would.
struct ShoutingRule: Rule {
    let description = RuleDescription(
        id: "no-shouting", severity: .warning,
        summary: "A prompt is written in capital letters.",
        explanation: "Text-to-speech reads capitals as shouting or spells them out; write prompts in sentence case.",
        failing: ["""
            flow line
              number +1-800-596-3057
              step welcome
                say "WELCOME TO THE CLINIC"
            """],
        passing: ["""
            flow line
              number +1-800-596-3057
              step welcome
                say "Welcome to the clinic"
            """])

    func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap { flow in
            flow.steps.flatMap(\.actions).compactMap { action -> Diagnostic? in
                guard case .say(let text, _, _) = action.kind, text.contains(where: \.isLetter),
                      text == text.uppercased() else { return nil }
                return finding("this prompt is written in capitals", at: flow.span(action.range),
                               help: "write it in sentence case")
            }
        }
    }
}
