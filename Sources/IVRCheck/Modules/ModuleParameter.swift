import IVRLang

/// `param NAME [TYPE] [default=VALUE]` of a module: what a `use` must (or may) give it.
struct ModuleParameter {
    /// What a value must be. Without a type, any one value is accepted.
    enum Kind: String, CaseIterable {
        case phone, sip, url, duration, number, string, word, step

        var noun: String {
            switch self {
            case .phone: "a phone number"
            case .sip: "a sip: URI"
            case .url: "an http(s) URL"
            case .duration: "a duration such as 20s"
            case .number: "a whole number"
            case .string: "a quoted string"
            case .word: "a word"
            case .step: "a step name"
            }
        }

        func accepts(_ value: Value.Kind) -> Bool {
            switch (self, value) {
            case (.phone, .phone), (.sip, .sipURI), (.url, .url), (.duration, .duration), (.number, .integer),
                 (.string, .string), (.word, .word), (.step, .word): true
            default: false
            }
        }
    }

    let name: Name
    let kind: Kind?
    let defaultValue: Value?

    func accepts(_ value: Value) -> Bool { kind?.accepts(value.kind) ?? true }

    /// Reads one `param` line of a module, reporting what is wrong with it.
    static func read(_ line: Statement, in source: SourceFile, report: (Diagnostic) -> Void) -> ModuleParameter? {
        func error(_ id: DiagnosticID, _ message: String, _ range: SourceRange, help: String) {
            report(.error(id, message, at: source.span(range.start, range.end), help: help))
        }
        guard let first = line.arguments.first, case .word(let name) = first.kind, Parser.isIdentifier(name) else {
            error(.syntax, "expected a parameter name after `param`", line.arguments.first?.range ?? line.keyword.range,
                  help: "write `param dispatch phone`, or `param company string default=\"Acme\"`")
            return nil
        }
        var kind: Kind?
        if let written = line.arguments.dropFirst().first {
            guard let known = Kind(rawValue: written.text) else {
                let names = Kind.allCases.map(\.rawValue)
                let hint = Spelling.nearest(written.text, in: names).map { "did you mean `\($0)`? " } ?? ""
                error(.invalidParam, "`\(written.text)` is not a parameter type", written.range,
                      help: "\(hint)types are \(names.joined(separator: ", ")); leave it out to accept any one value")
                return nil
            }
            kind = known
        }
        for extra in line.arguments.dropFirst(2) {
            error(.syntax, "unexpected `\(extra.text)` after the parameter type", extra.range,
                  help: "a parameter is `param NAME [TYPE] [default=VALUE]`")
        }
        for option in line.options where option.name.text != "default" {
            error(.syntax, "a parameter takes only `default=VALUE`", option.range, help: "write `param \(name) \(kind?.rawValue ?? "string") default=VALUE`")
        }
        if let target = line.target {
            error(.syntax, "a parameter line does not continue anywhere", target.range, help: "remove `-> \(target.text)`")
        }
        if let child = line.children.first {
            error(.syntax, "a parameter takes no indented block", child.range, help: "write the parameter on one line")
        }
        let defaultValue = line.options.first { $0.name.text == "default" }?.value
        if let defaultValue, let kind, !kind.accepts(defaultValue.kind) {
            error(.invalidParam, "the default of `\(name)` must be \(kind.noun)", defaultValue.range,
                  help: "give a default of the parameter's type, or change its type")
            return nil
        }
        return ModuleParameter(name: Name(name, first.range), kind: kind, defaultValue: defaultValue)
    }
}
