import IVRBundle
import IVRLang

extension DiagnosticID {
    public static let missingTranslation = DiagnosticID(
        "missing-translation",
        summary: "every prompt a call reaches in a language has text in that language",
        explanation: """
            A flow with `languages en-US es-MX` starts every call in its first language; a menu \
            branch written `language=es-MX` (or a `language es-MX` line) switches the call for the \
            rest of it. Prompts are written once, in the first language, with a line per other \
            language under them (`es-MX "…"`), and menu phrases carry theirs on the branch \
            (`on 2 "appointments" es-MX="citas"`). This rule follows every path in every language \
            and reports a prompt or phrase that a caller reaches in a language it has no text in: \
            without it the caller would hear the first language, or could not say the phrase. \
            A dial of a value (`dial sip:{{ext}}@…`) that the server refuses is apologised for by \
            ivrc itself in the call's language (\(RefusedDialApology.languages) are built in); a flow \
            that reaches such a dial in another language is reported at the target.
            """,
        reported: [
            """
            flow clinic
              number +1-800-555-0157
              languages en-US es-MX

              step welcome
                menu
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> main
                  on 2 language=es-MX -> main

              step main
                ↓say "How can we help?"
                hangup
            """,
            """
            flow clinic
              number +1-800-555-0157
              languages en-US es-MX

              step welcome
                language es-MX
                menu
                  say "For appointments, say appointments."
                    es-MX "Para citas, diga citas."
                  ↓on 1 "appointments" -> welcome
            """,
            """
            flow clinic
              number +1-800-555-0157
              language ja-JP

              step welcome
                gather ext num-digits=3 -> connect
                  say "内線番号を入力してください。"
                  on timeout -> goodbye

              step connect
                dial ↓sip:{{ext}}@pbx.example.com -> goodbye

              step goodbye
                hangup
            """,
        ],
        notReported: [
            """
            flow clinic
              number +1-800-555-0157
              languages en-US es-MX

              step welcome
                menu
                  say "For English, press 1."
                    es-MX "Para español, oprima 2."
                  on 1 -> main
                  on 2 language=es-MX -> main

              step main
                say "How can we help?"
                  es-MX "¿En qué podemos ayudarle?"
                hangup
            """,
        ])
}

/// Every prompt a call can reach in a language has text in that language: each `say`,
/// `disclose` and menu/gather prompt, and each speech phrase of a menu branch. Proved over the
/// (step, language) states a call can be in, so a step shared by every language (the emergency
/// step, voicemail) needs every language, and a step only Spanish callers reach needs only Spanish.
public struct MissingTranslationRule: Rule {
    public init() {}

    public let description = RuleDescription(.missingTranslation)

    public func check(_ graph: FlowGraph) -> [Diagnostic] {
        graph.flows.flatMap(check)
    }

    private struct Finding: Hashable {
        let range: SourceRange
        let language: String
    }

    private func check(_ flow: Flow) -> [Diagnostic] {
        untranslatedPrompts(flow) + unapologisedDials(flow)
    }

    private func untranslatedPrompts(_ flow: Flow) -> [Diagnostic] {
        guard flow.languages.count > 1 else { return [] }
        var reported: Set<Finding> = []
        var findings: [Diagnostic] = []
        for state in flow.languageStates() {
            let step = flow.steps[state.step]
            var current = state.language
            for index in flow.exit(of: state.step).reached {
                let action = step.actions[index]
                if case .language(let chosen) = action.kind { current = chosen }
                guard let language = current, language != flow.startLanguage else { continue }
                for missing in untranslated(action, in: language, of: flow)
                where reported.insert(Finding(range: missing.range, language: language)).inserted {
                    findings.append(finding(
                        "\(missing.what) has no \(language) text, but a call reaches it in \(language) (step \(step.displayName))",
                        at: flow.span(missing.range), help: missing.help(language),
                        notes: [.init("step \(step.displayName) runs in \(language) on some path", at: flow.span(step.range))]))
                }
            }
        }
        return findings
    }

    /// A dial target filled from a value can be refused at run time, and the caller then hears
    /// `RefusedDialApology` in the call's language: every language a call reaches such a dial
    /// in (the start language too) needs a built-in text.
    private func unapologisedDials(_ flow: Flow) -> [Diagnostic] {
        guard flow.startLanguage != nil else { return [] }
        var reported: Set<Finding> = []
        var findings: [Diagnostic] = []
        for state in flow.languageStates() {
            let step = flow.steps[state.step]
            for index in flow.exit(of: state.step).reached {
                guard case .dial(let targets, _, _) = step.actions[index].kind,
                      let language = flow.language(at: index, of: state.step, enteredIn: state.language),
                      RefusedDialApology.text(in: language) == nil,
                      let target = targets.first(where: { !Placeholder.names(in: $0.value).isEmpty }),
                      reported.insert(Finding(range: target.range, language: language)).inserted else { continue }
                findings.append(finding(
                    "a refused `\(target.value)` has no \(language) apology, but a call reaches this dial in \(language) (step \(step.displayName))",
                    at: flow.span(target.range),
                    help: "the server apologises itself when it refuses a number filled from a value, in \(RefusedDialApology.languages) only; dial a number written in the flow where the call speaks \(language)",
                    notes: [.init("step \(step.displayName) runs in \(language) on some path", at: flow.span(step.range))]))
            }
        }
        return findings
    }

    private struct Missing {
        let what: String
        let range: SourceRange
        let help: (String) -> String
    }

    /// The prompts and phrases of an action that have no text in `language`.
    private func untranslated(_ action: Action, in language: String, of flow: Flow) -> [Missing] {
        switch action.kind {
        case .say(let text, _, _, _) where action.text(in: language, of: flow) == nil:
            let preview = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return [Missing(what: "`\(action.keyword) \"\(preview)\"`", range: action.range) {
                "add the \($0) text on a line under it: `\($0) \"…\"`"
            }]
        case .menu(let menu):
            let phrases = menu.branches.filter { !$0.speech.isEmpty && $0.speech(in: language, of: flow).isEmpty }.map { branch in
                Missing(what: "the phrase \"\(branch.phrase ?? "")\" of `on \(branch.key)`", range: branch.range) {
                    "give the \($0) phrase on the branch: `on \(branch.key) \"\(branch.phrase ?? "")\" \($0)=\"…\"`"
                }
            }
            return menu.prompts.flatMap { untranslated($0, in: language, of: flow) } + phrases
        case .gather(let gather):
            return gather.prompts.flatMap { untranslated($0, in: language, of: flow) }
        default:
            return []
        }
    }
}
