import IVRLang

/// The language a call speaks, step by step: it starts in the flow's first language and
/// changes at `language TAG` and at a branch written `language=TAG`, then holds for the rest
/// of the call. Rules and lowering both read a flow as (step, language) states.
extension Flow {
    /// The language a call starts in: the first of `languages`, else the `language` setting.
    public var startLanguage: String? { languages.first ?? language }

    /// Text written for the flow's first language and translated into others: the text in
    /// `language`, or nil when it has none there.
    public func text(_ text: String, translations: [String: String], in language: String?) -> String? {
        guard let language, language != startLanguage else { return text }
        return translations[language]
    }

    /// The language while action `index` of `step` runs, for a call that entered the step in
    /// `language`: the last `language TAG` before it, if any.
    public func language(at index: Int, of step: Int, enteredIn language: String?) -> String? {
        steps[step].actions[..<min(index, steps[step].actions.count)].reduce(language) { current, action in
            if case .language(let chosen) = action.kind { chosen } else { current }
        }
    }

    /// The language a call speaks once it has taken `edge` out of `step`.
    public func language(after edge: Edge, from step: Int, enteredIn language: String?) -> String? {
        edge.language ?? self.language(at: edge.action + 1, of: step, enteredIn: language)
    }

    /// A step and the language a call enters it in.
    public struct LanguageState: Sendable, Hashable {
        public let step: Int
        public let language: String?
    }

    /// Every (step, language) a call can be in, breadth first: from the entry and every step
    /// nothing leads to (in the start language), then from any step still not visited (a
    /// circle nothing leads into), so every step is in the list at least once.
    public func languageStates() -> [LanguageState] {
        var seen: Set<LanguageState> = []
        var visitedSteps: Set<Int> = []
        var order: [LanguageState] = []
        for root in entryPoints() + Array(steps.indices) where !visitedSteps.contains(root) {
            let start = LanguageState(step: root, language: startLanguage)
            seen.insert(start)
            order.append(start)
            var cursor = order.count - 1
            while cursor < order.count {
                let state = order[cursor]
                cursor += 1
                visitedSteps.insert(state.step)
                for edge in exit(of: state.step).edges {
                    let next = LanguageState(step: edge.target, language: language(after: edge, from: state.step, enteredIn: state.language))
                    if seen.insert(next).inserted { order.append(next) }
                }
            }
        }
        return order
    }
}

extension Branch {
    /// The branch's speech phrases in `language`; empty when it has none there.
    public func speech(in language: String?, of flow: Flow) -> [String] {
        guard let language, language != flow.startLanguage else { return speech }
        return phrases[language] ?? []
    }

    /// The first of them.
    public func phrase(in language: String?, of flow: Flow) -> String? {
        speech(in: language, of: flow).first
    }
}

extension Action {
    /// The text of a `say`/`disclose` in `language`, nil when it has none there (or is no say).
    public func text(in language: String?, of flow: Flow) -> String? {
        guard case .say(let text, _, _, let translations) = kind else { return nil }
        return flow.text(text, translations: translations, in: language)
    }

    /// The language a `disclose` is spoken in whatever the call speaks (`language=es-MX`).
    public var disclosureLanguage: String? {
        guard case .say(_, true, let attributes, _) = kind else { return nil }
        return attributes.first { $0.name == "language" }?.value
    }

    /// A `disclose` the caller hears in `language`, or a menu/gather whose prompts hold one.
    public func discloses(in language: String?, of flow: Flow) -> Bool {
        switch kind {
        case .say(_, let isDisclosure, _, _): isDisclosure && text(in: language, of: flow) != nil
        case .menu(let menu): menu.prompts.contains { $0.discloses(in: language, of: flow) }
        case .gather(let gather): gather.prompts.contains { $0.discloses(in: language, of: flow) }
        default: false
        }
    }
}
