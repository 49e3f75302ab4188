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
            if filledFromValue(value, for: attribute, written: written) { continue }
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

    /// An option of a fixed form (a number, a word from a list, a pattern) filled from a value:
    /// a caller's value would make the document invalid when it is answered, so it is refused
    /// here, at the placeholder. Text and URLs take any value (escaped, percent-encoded), and a
    /// form that admits a placeholder itself (a `callerId` of `{{From}}`) is checked per call.
    private mutating func filledFromValue(_ value: Value, for attribute: AttributeSpec, written: String) -> Bool {
        switch attribute.kind {
        case .text, .url: return false
        default: break
        }
        // `env.` and `param.` are written by whoever deploys or uses the flow, not by the caller.
        guard let name = Placeholder.names(in: value.text).first(where: { !$0.hasPrefix("env.") && !$0.hasPrefix("param.") }),
              let problem = attribute.kind.validate(value.text) else { return false }
        let writtenText = ArraySlice(source.text(value.range).utf8)
        let placeholder = Placeholder.Scanner(writtenText).lazy.compactMap { piece -> Range<Int>? in
            guard case .placeholder(name, let range, _) = piece else { return nil }
            return range
        }.first
        let range = placeholder.map { SourceRange(value.range.start + $0.lowerBound, value.range.start + $0.upperBound) } ?? value.range
        error(.placeholderInOption, "`\(written)` cannot be filled from `{{\(name)}}`: the TeXML `\(attribute.name)` \(problem)", range,
              help: "write `\(written)` in the flow; to choose among a few, branch with a `menu` and write one per branch")
        return true
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
