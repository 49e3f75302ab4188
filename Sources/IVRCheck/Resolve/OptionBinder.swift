import IVRLang
import TeXMLSchema

/// Maps statement options (kebab-case, plus a few friendly aliases) onto TeXML attributes,
/// checking names and values against the vocabulary read from the project's XSD.
enum OptionBinder {
    static let vocabulary = TeXMLVocabulary.shared

    /// `max=120s` is `max-length=120s`.
    static let aliases = ["max": "max-length"]
    /// Bare flags that stand for an attribute with a fixed value.
    static let flagAliases = ["beep": ("play-beep", "true")]
    /// Attributes the compiler sets itself; writing them would break the route table.
    static let compilerOwned: Set<String> = ["action"]

    /// The TeXML verb written by a kebab-case keyword (`http-request` → `HttpRequest`).
    static func verb(kebab: String) -> String? {
        vocabulary.verbs.first { kebabCase($0) == kebab }
    }

    static var verbKeywords: [String] { vocabulary.verbs.map(kebabCase) }
}

extension FlowResolver {
    /// The statement's options and bare flags as attributes of `element` (nil: takes none).
    /// The first `positional` arguments belong to the statement; later bare words are flags.
    mutating func bind(_ statement: Statement, to element: String?, positional: Int = 0) -> [Attribute] {
        let keyword = statement.keyword.text
        let spec = element.flatMap { OptionBinder.vocabulary.element(named: $0) }
        var attributes: [Attribute] = []
        var seen: [String: SourceRange] = [:]

        func accept(_ name: String, _ value: String, _ range: SourceRange) {
            if let first = seen[name] {
                error(.duplicateOption, "`\(kebabCase(name))` is given twice", range,
                      help: "keep one", notes: [.init("first given here", at: span(first))])
                return
            }
            seen[name] = range
            attributes.append(Attribute(name: name, value: value, range: range))
        }

        for flag in statement.arguments.dropFirst(positional) {
            guard case .word(let word) = flag.kind else {
                error(.syntax, "unexpected `\(source.text(flag.range))` in `\(keyword)`", flag.range,
                      help: "options are written name=value; text goes in double quotes")
                continue
            }
            if let (name, value) = OptionBinder.flagAliases[word], let attribute = spec?.attribute(kebab: name) {
                accept(attribute.name, value, flag.range)
            } else if let attribute = spec?.attribute(kebab: word), attribute.kind == .boolean {
                accept(attribute.name, "true", flag.range)
            } else {
                unknownOption(word, flag.range, keyword: keyword, element: element, spec: spec)
            }
        }
        for option in statement.options {
            let written = option.name.text
            let kebab = OptionBinder.aliases[written] ?? written
            guard let spec, let attribute = spec.attribute(kebab: kebab) else {
                unknownOption(written, option.name.range, keyword: keyword, element: element, spec: spec)
                continue
            }
            if OptionBinder.compilerOwned.contains(attribute.name) {
                error(.compilerOwnedOption, "`\(written)` is set by the compiler", option.name.range,
                      help: "say where the call continues with `-> STEP`; the compiler writes the action URL")
                continue
            }
            guard let value = option.value else {
                error(.invalidOption, "`\(written)` needs a value", option.range, help: "write \(written)=VALUE")
                continue
            }
            guard let text = attributeText(value, for: attribute, written: written) else { continue }
            if let problem = attribute.kind.validate(text) {
                error(.invalidOption, "`\(written)=\(source.text(value.range))` is out of range: \(problem)", value.range,
                      help: "see the TeXML <\(element!)> documentation for `\(attribute.name)`")
                continue
            }
            accept(attribute.name, text, option.range)
        }
        return attributes
    }

    /// The value as TeXML writes it: durations become whole seconds.
    private mutating func attributeText(_ value: Value, for attribute: AttributeSpec, written: String) -> String? {
        if case .seconds = attribute.kind {
            return seconds(value, what: "`\(written)`").map(String.init)
        }
        if case .duration = value.kind {
            error(.invalidOption, "`\(written)` is not a duration", value.range,
                  help: "write the value TeXML expects for `\(attribute.name)`")
            return nil
        }
        return value.text
    }

    private mutating func unknownOption(_ written: String, _ range: SourceRange, keyword: String, element: String?,
                                        spec: ElementSpec?) {
        guard let element, let spec else {
            error(.unknownOption, "`\(keyword)` takes no options", range, help: "remove `\(written)`")
            return
        }
        let names = spec.attributes.filter { !OptionBinder.compilerOwned.contains($0.name) }.map(\.kebabName)
        let candidates = names + Array(OptionBinder.aliases.keys) + Array(OptionBinder.flagAliases.keys)
        let nearest = Spelling.nearest(written, in: candidates)
        let help = nearest.map { "did you mean `\($0)`?" }
            ?? "options of `\(keyword)` (TeXML <\(element)>): \(names.sorted().joined(separator: ", "))"
        error(.unknownOption, "`\(written)` is not an option of `\(keyword)`", range, help: help,
              fixIts: replacing(range, with: nearest))
    }
}
