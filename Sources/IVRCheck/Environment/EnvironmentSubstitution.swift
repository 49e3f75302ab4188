import IVRLang

/// Replaces `env.NAME` values and `{{env.NAME}}` in text with an environment's values, in the
/// parsed files, before resolution: rules then prove the flows a deployment will really run
/// (a production number that dials the line itself is `dial-loopback` in production only).
/// A substituted value keeps the position of the reference, so findings point at `env.NAME`.
public enum EnvironmentSubstitution {
    public static let prefix = "env."

    public struct Output: Sendable {
        public let files: [ParsedFile]
        public let diagnostics: [Diagnostic]
        /// The keys some flow used, sorted; hashed into the manifest.
        public let used: [String]
        /// The keys each file's flows used, sorted, by file path (a file that used none is absent).
        public let usedByFile: [String: [String]]
        /// Where each `env.NAME` written as a value was replaced, for notes on findings there.
        public let substitutions: [Substitution]
    }

    /// An `env.NAME` written as a value, and the file and key its value came from.
    public struct Substitution: Sendable {
        public let span: SourceSpan
        public let key: String
        public let value: String
        public let definition: SourceSpan
    }

    public static func apply(_ files: [ParsedFile], _ environment: EnvironmentValues?) -> Output {
        var state = State(environment: environment, lines: Set(files.flatMap { $0.flows.map(\.name.text) }))
        let substituted = files.map { file in
            var file = file
            state.source = file.source
            file.flows = file.flows.map { flow in
                var flow = flow
                state.line = flow.name.text
                flow.settings = flow.settings.map { Setting(name: $0.name, values: $0.values.map { state.value($0) }, children: $0.children.map { state.statement($0) }, range: $0.range) }
                flow.steps = flow.steps.map { state.step($0) }
                flow.tests = flow.tests.map { test in
                    var test = test
                    test.body = test.body.map { state.statement($0) }
                    return test
                }
                flow.schedules = flow.schedules.map { state.statement($0) }
                flow.uses = flow.uses.map { state.statement($0) }
                return flow
            }
            // A module is copied into many lines: it reads only the values every line shares.
            state.line = nil
            file.modules = file.modules.map { module in
                var module = module
                module.params = module.params.map { state.statement($0) }
                module.uses = module.uses.map { state.statement($0) }
                module.steps = module.steps.map { state.step($0) }
                return module
            }
            return file
        }
        state.reportUnused()
        return Output(files: substituted, diagnostics: state.diagnostics, used: state.used.sorted(),
                      usedByFile: state.usedByFile.mapValues { $0.sorted() }, substitutions: state.substitutions)
    }

    private struct State {
        let environment: EnvironmentValues?
        var source = SourceFile(path: "", text: "")
        var diagnostics: [Diagnostic] = []
        var used: Set<String> = []
        var usedByFile: [String: Set<String>] = [:]
        var substitutions: [Substitution] = []
        /// The flows being checked; a table named after another line is that line's business.
        let lines: Set<String>
        /// The flow whose statements are being substituted: its table's values come first.
        var line: String?

        init(environment: EnvironmentValues?, lines: Set<String>) {
            self.environment = environment
            self.lines = lines
        }

        mutating func step(_ step: StepDecl) -> StepDecl {
            var step = step
            step.body = step.body.map { statement($0) }
            return step
        }

        mutating func statement(_ statement: Statement) -> Statement {
            var statement = statement
            statement.arguments = statement.arguments.map { value($0) }
            statement.options = statement.options.map { StatementOption(name: $0.name, value: $0.value.map { value($0) }) }
            statement.children = statement.children.map { self.statement($0) }
            return statement
        }

        mutating func value(_ value: Value) -> Value {
            switch value.kind {
            case .word(let word) where word.hasPrefix(EnvironmentSubstitution.prefix):
                let key = String(word.dropFirst(EnvironmentSubstitution.prefix.count))
                guard let (text, defined) = lookup(key, at: value.range), let environment else { return value }
                substitutions.append(Substitution(span: source.span(value.range.start, value.range.end), key: key, value: text,
                                                  definition: environment.span(ofKey: defined)))
                return retyped(text, key: word, at: value.range) ?? value
            case .string(let text) where text.opensPlaceholder:
                return Value(.string(filled(text, at: value.range)), value.range)
            default:
                guard let address = value.addressWithPlaceholder else { return value }
                let text = filled(address, at: value.range)
                guard text != address else { return value }
                guard let filledAddress = value.filledAddress(text) else {
                    report(.invalidValue, "`\(address)` filled is `\(text)`, which is not one \(value.addressNoun)", value.range,
                           help: Value.filledAddressHelp)
                    return value
                }
                return filledAddress
            }
        }

        /// `{{env.NAME}}` inside text, each replaced by its value's text.
        private mutating func filled(_ text: String, at range: SourceRange) -> String {
            Placeholder.substitute(text) { name in
                name.hasPrefix(EnvironmentSubstitution.prefix) ? lookup(String(name.dropFirst(EnvironmentSubstitution.prefix.count)), at: range)?.text : nil
            }
        }

        /// The value of `key` and the key it was found under: the line's own table first, then
        /// the values every line shares.
        private mutating func lookup(_ key: String, at range: SourceRange) -> (text: String, key: String)? {
            guard let environment else {
                report(.undefinedValue, "`env.\(key)` is a value that differs per environment, and no environment was chosen", range,
                       help: "run with `--env NAME` to take the values from environments/NAME.toml")
                return nil
            }
            guard let (text, defined) = environment.value(of: key, inLine: line) else {
                let visible = environment.values.keys.compactMap { candidate -> String? in
                    guard let table = environment.table(of: candidate) else { return candidate }
                    return table == line ? String(candidate.dropFirst(table.count + 1)) : nil
                }
                let hint = Spelling.nearest(key, in: visible).map { "did you mean `env.\($0)`? " } ?? ""
                let place = environment.tables.isEmpty ? "" : line.map { " (for `\($0)`, in `[\($0)]` or shared)" } ?? ""
                report(.undefinedValue, "`\(key)` is not defined in \(environment.file.path)\(place)", range,
                       help: "\(hint)add `\(key) = \"…\"` to \(environment.file.path)")
                return nil
            }
            used.insert(defined)
            usedByFile[source.path, default: []].insert(defined)
            return (text, defined)
        }

        /// A value standing where a word stood is read as the lexer would read it there: a
        /// phone number, a URL, a duration… It must be one value.
        private mutating func retyped(_ text: String, key: String, at range: SourceRange) -> Value? {
            guard let kind = Value.reading(text) else {
                report(.invalidValue, "`\(key)` is `\(text)`, which is not one value", range,
                       help: "a value used outside quotes is one phone number, URL, duration, number or word; use `{{\(key)}}` inside a quoted string for text")
                return nil
            }
            return Value(kind, range)
        }

        mutating func reportUnused() {
            guard let environment else { return }
            // Another line's table is used by that line, checked on its own.
            for key in environment.values.keys.sorted() where !used.contains(key)
                && environment.table(of: key).map(lines.contains) ?? true {
                diagnostics.append(.warning(.unusedValue, "`\(key)` in \(environment.file.path) is used by no flow",
                                            at: environment.span(ofKey: key), help: "remove it, or use it as `env.\(key)`"))
            }
        }

        private mutating func report(_ id: DiagnosticID, _ message: String, _ range: SourceRange, help: String) {
            diagnostics.append(.error(id, message, at: source.span(range.start, range.end), help: help))
        }
    }
}
