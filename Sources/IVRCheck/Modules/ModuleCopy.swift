import IVRLang

/// A module's steps copied into one flow: ranges moved up into the copy's region (see
/// `ExpandedSource`), `param.NAME` and `{{param.NAME}}` replaced by this use's values, and the
/// module's own step names qualified (`start` → `emergency.start`), so the copy is ordinary
/// flow code that resolution and every rule treat like the flow's own steps. Step names are
/// written in three places: `-> STEP`, `goto STEP` and `wait-url=STEP`.
struct ModuleCopy {
    static let prefix = "param."

    /// A `param.NAME` met while copying, and whether it stands where a step name stands.
    struct Reference {
        let name: Name
        let isStep: Bool
    }

    let base: Int
    /// Prepended to the module's step names; empty when only collecting references.
    let qualifier: String
    let values: [String: Value]
    private(set) var references: [Reference] = []
    /// URLs and SIP targets whose filled `{{param.NAME}}` no longer reads as one (with the
    /// module's own range), for the expansion to report where the module writes them.
    private(set) var unreadableAddresses: [(written: Value, filled: String)] = []

    init(base: Int, qualifier: String, values: [String: Value]) {
        self.base = base
        self.qualifier = qualifier
        self.values = values
    }

    mutating func step(_ step: StepDecl) -> StepDecl {
        StepDecl(name: Name(qualified(step.name.text), moved(step.name.range)), emergency: step.emergency.map(moved),
                 body: step.body.map { statement($0) }, range: moved(step.range))
    }

    mutating func statement(_ statement: Statement) -> Statement {
        let isGoto = statement.keyword.text == "goto"
        return Statement(
            keyword: Name(statement.keyword.text, moved(statement.keyword.range)),
            arguments: statement.arguments.enumerated().map { index, argument in
                isGoto && index == 0 ? stepReference(argument) : value(argument)
            },
            options: statement.options.map { option in
                StatementOption(name: Name(option.name.text, moved(option.name.range)), value: option.value.map { value in
                    if option.name.text == "wait-url", case .word = value.kind { stepReference(value) } else { self.value(value) }
                })
            },
            target: statement.target.map { target in
                let reference = stepReference(Value(.word(target.text), target.range))
                return Name(reference.text, reference.range)
            },
            children: statement.children.map { self.statement($0) },
            range: moved(statement.range))
    }

    func moved(_ range: SourceRange) -> SourceRange {
        SourceRange(range.start + base, range.end + base)
    }

    private func qualified(_ name: String) -> String {
        qualifier.isEmpty ? name : qualifier + "." + name
    }

    /// A step name: a step parameter's value (already named in the scope of the `use`), or a
    /// step of this module.
    private mutating func stepReference(_ written: Value) -> Value {
        guard case .word(let word) = written.kind else { return value(written) }
        if word.hasPrefix(Self.prefix) { return parameter(word, at: written.range, isStep: true) }
        return Value(.word(qualified(word)), moved(written.range))
    }

    private mutating func value(_ written: Value) -> Value {
        switch written.kind {
        case .word(let word) where word.hasPrefix(Self.prefix):
            return parameter(word, at: written.range, isStep: false)
        case .string(let text) where text.opensPlaceholder:
            return Value(.string(filled(text, at: written.range)), moved(written.range))
        default:
            guard let address = written.addressWithPlaceholder else { return Value(written.kind, moved(written.range)) }
            let text = filled(address, at: written.range)
            guard let filledAddress = written.filledAddress(text) else {
                unreadableAddresses.append((written, text))
                return Value(written.kind, moved(written.range))
            }
            return Value(filledAddress.kind, moved(written.range))
        }
    }

    /// The value of `param.NAME` at the reference's place; the reference itself when the
    /// module declares no such parameter (reported once, where the module is written).
    private mutating func parameter(_ word: String, at range: SourceRange, isStep: Bool) -> Value {
        let name = String(word.dropFirst(Self.prefix.count))
        references.append(Reference(name: Name(name, range), isStep: isStep))
        return Value(values[name]?.kind ?? .word(word), moved(range))
    }

    /// `{{param.NAME}}` inside text, each replaced by its value's text.
    private mutating func filled(_ text: String, at range: SourceRange) -> String {
        Placeholder.substitute(text) { placeholder in
            guard placeholder.hasPrefix(Self.prefix) else { return nil }
            let name = String(placeholder.dropFirst(Self.prefix.count))
            references.append(Reference(name: Name(name, range), isStep: false))
            return values[name]?.text
        }
    }
}
