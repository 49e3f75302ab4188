import IVRBundle
import IVRLang

/// `languages en-US es-MX`, a voice per language under `voice`, text per language under a
/// `say`/`disclose`, phrases per language and `language=TAG` on menu branches, and the
/// `language TAG` statement. Every tag must be written as a tag and declared by the flow.
extension FlowResolver {
    /// At most this many languages per flow: the disclosure proof tracks which of them the
    /// caller has heard the notice in, so its states grow with their subsets.
    static let maxLanguages = BundleLimits.maxLanguages

    mutating func resolveLanguages(into flow: inout Flow) {
        if let setting = declaration.setting("languages") {
            for value in setting.values {
                guard let tag = languageTag(value, what: " (in `languages`)") else { continue }
                if languages.contains(tag) {
                    error(.duplicateTranslation, "`\(tag)` is listed twice in `languages`", value.range,
                          help: "list each language once; the first is the one every call starts in")
                    continue
                }
                if languages.count == Self.maxLanguages {
                    error(.invalidSetting, "a flow speaks at most \(Self.maxLanguages) languages", value.range,
                          help: "split the line into flows per group of languages")
                    break
                }
                languages.append(tag)
            }
            if let single = declaration.setting("language") {
                error(.invalidSetting, "`language` and `languages` are both set", single.range,
                      help: "keep `languages \(languages.joined(separator: " "))`: its first language is where every call starts")
            }
        }
        flow.languages = languages
        guard let voice = declaration.setting("voice") else { return }
        var seen: [String: SourceRange] = [:]
        for line in voice.children {
            guard let tag = declaredLanguage(line.keyword, what: "voice") else { continue }
            guard line.arguments.count == 1, line.options.isEmpty, line.target == nil, line.children.isEmpty,
                  let value = line.arguments.first else {
                error(.syntax, "a voice line names one voice", line.range, help: "write `\(tag) Polly.Mia` under `voice`")
                continue
            }
            if let problem = OptionBinder.vocabulary.element(named: "Say")?.attribute(named: "voice")?.kind.validate(value.text) {
                error(.invalidSetting, "`\(source.text(value.range))` is not a valid <Say> voice: \(problem)", value.range,
                      help: "write it as `\(tag) Polly.Mia`")
                continue
            }
            guard claimLanguage(tag, at: line.keyword.range, in: &seen, what: "a voice") else { continue }
            flow.voices[tag] = value.text
        }
    }

    /// The lines under a `say`/`disclose`: its text in the flow's other languages, and where
    /// each is written.
    mutating func resolveTranslations(_ lines: [Statement], of keyword: String) -> (texts: [String: String], ranges: [String: SourceRange]) {
        var translations: [String: String] = [:]
        var ranges: [String: SourceRange] = [:]
        var seen: [String: SourceRange] = [:]
        for line in lines {
            guard StatementKeyword(rawValue: line.keyword.text) == nil else {
                error(.syntax, "`\(line.keyword.text)` cannot go inside a `\(keyword)`", line.keyword.range,
                      help: "the lines under a `\(keyword)` give its text in another language: `es-MX \"…\"`")
                continue
            }
            if isUnspokenModuleTranslation(line.keyword) { continue }
            guard let tag = declaredLanguage(line.keyword, what: keyword) else { continue }
            let strings = line.arguments.filter(Self.isString)
            guard !strings.isEmpty, strings.count == line.arguments.count, line.options.isEmpty, line.target == nil,
                  line.children.isEmpty else {
                error(.syntax, "a translation line holds only quoted text", line.range,
                      help: "write `\(tag) \"…\"`; options go on the `\(keyword)` line")
                continue
            }
            guard claimLanguage(tag, at: line.keyword.range, in: &seen, what: "text") else { continue }
            translations[tag] = strings.map(\.text).joined(separator: " ")
            ranges[tag] = line.range
        }
        return (translations, ranges)
    }

    /// A branch's options: `language=TAG` and phrases per language (`es-MX="citas"`).
    mutating func resolveBranchLanguage(_ options: [StatementOption], phrase: String?) -> (language: String?, phrases: [String: [String]]) {
        var language: String?
        var phrases: [String: [String]] = [:]
        for option in options {
            if option.name.text == "language", let value = option.value {
                if language != nil {
                    error(.duplicateOption, "this branch already chooses a language", option.range)
                } else {
                    language = declaredLanguage(Name(value.text, value.range), what: "branch")
                }
            } else if LanguageTag.looksLikeTag(option.name.text), let value = option.value, Self.isString(value) {
                if isUnspokenModuleTranslation(option.name) { continue }
                guard let tag = declaredLanguage(option.name, what: "phrase") else { continue }
                guard phrase != nil else {
                    error(.syntax, "this branch has a phrase in \(tag) but none in \(languages.first ?? "the flow's first language")",
                          option.range, help: "write the first language's phrase after the key: `on 2 \"appointments\" \(tag)=\(source.text(value.range))`")
                    continue
                }
                // Each `TAG="…"` adds a phrase in that language, as each quoted phrase does in the first.
                if phrases[tag]?.contains(value.text) == true {
                    error(.duplicateTranslation, "the phrase \"\(value.text)\" in \(tag) is given twice here", option.range, help: "keep one of them")
                    continue
                }
                phrases[tag, default: []].append(value.text)
            } else if languages.contains(option.name.text) {
                error(.syntax, "`\(option.name.text)=` takes the branch's phrase in quotes", option.range,
                      help: "write `\(option.name.text)=\"…\"`: `on 2 \"appointments\" \(option.name.text)=\"citas\" -> STEP`")
            } else {
                error(.syntax, "a branch takes no option `\(source.text(option.range))`", option.range,
                      help: "a branch takes `language=TAG` and phrases per language in quotes (`es-MX=\"citas\"`); put other options on the menu itself")
            }
        }
        return (language, phrases)
    }

    /// `language TAG` in a step.
    mutating func resolveLanguageStatement(_ statement: Statement) -> String? {
        guard statement.arguments.count == 1, statement.options.isEmpty, let value = statement.arguments.first else {
            error(.syntax, "`language` names one language", statement.range,
                  help: "write `language es-MX`, one of the flow's `languages`")
            return nil
        }
        return declaredLanguage(Name(value.text, value.range), what: "language")
    }

    // MARK: Helpers

    /// Text or a phrase in a module, in a language this flow does not speak: a module shared
    /// by lines of different languages carries them all, and a flow never speaks the others.
    private func isUnspokenModuleTranslation(_ name: Name) -> Bool {
        source.region(containing: name.range.start) != nil && LanguageTag.isValid(name.text) && !languages.contains(name.text)
    }

    /// A tag written as a tag, or nil after saying how it is spelled.
    private mutating func languageTag(_ value: Value, what context: String) -> String? {
        guard case .word(let text) = value.kind, LanguageTag.isValid(text) else {
            let written = source.text(value.range)
            let hint = LanguageTag.canonical(value.text).map { "write it `\($0)`" }
                ?? "write a BCP 47 tag: a language, optionally a region, such as `es-MX`, `en-US` or `fr-CA`"
            error(.invalidLanguage, "`\(written)` is not a language tag\(context)", value.range, help: hint)
            return nil
        }
        return text
    }

    /// A tag that names one of the flow's `languages` other than for a line that would repeat
    /// the first language's text.
    private mutating func declaredLanguage(_ name: Name, what: String) -> String? {
        guard let tag = languageTag(Value(.word(name.text), name.range), what: "") else { return nil }
        guard languages.contains(tag) else {
            let help = languages.isEmpty
                ? "declare the flow's languages, the first where calls start: `languages en-US \(tag)`"
                : "add it to the flow's `languages \(languages.joined(separator: " "))`, or use one of those"
            error(.undeclaredLanguage, "`\(tag)` is not one of this flow's languages", name.range, help: help)
            return nil
        }
        if tag == languages.first, what != "branch", what != "language", what != "voice" {
            error(.duplicateTranslation, "`\(tag)` is the flow's first language: the \(what)'s own text is already \(tag)", name.range,
                  help: "remove this line, or put its text on the \(what) itself")
            return nil
        }
        return tag
    }

    /// Records where a language's line first appeared; a second one is `duplicate-translation`.
    private mutating func claimLanguage(_ tag: String, at range: SourceRange, in seen: inout [String: SourceRange], what: String) -> Bool {
        if let first = seen[tag] {
            error(.duplicateTranslation, "\(what) in \(tag) is given twice here", range,
                  help: "keep one of them", notes: [.init("the first one", at: span(first))])
            return false
        }
        seen[tag] = range
        return true
    }

    private static func isString(_ value: Value) -> Bool {
        if case .string = value.kind { true } else { false }
    }
}
