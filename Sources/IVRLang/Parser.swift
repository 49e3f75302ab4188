/// Recursive-descent parser over the lexer's tokens. It first reads lines into a tree of
/// generic statements, then gives the tree its structure (flows, settings, steps, tests).
/// An error skips to the end of its line, so every error in a file is reported in one run.
public struct Parser {
    private let source: SourceFile
    private let tokens: [Token]
    private var index = 0
    private var diagnostics: [Diagnostic] = []

    /// Setting names a flow accepts.
    public static let settingNames = ["number", "industry", "voice", "language", "languages", "base-url", "recording-status-callback",
                                      "retention", "dial-prefixes", "daily-call-target"]

    /// Settings that take several values (`languages en-US es-MX`) or lines under them
    /// (a voice per language under `voice`).
    static let listSettings: Set<String> = ["languages", "dial-prefixes"]
    static let blockSettings: Set<String> = ["voice"]

    public static func parse(_ source: SourceFile) -> ParsedFile {
        let lexed = Lexer.tokenize(source)
        var parser = Parser(source: source, tokens: lexed.tokens)
        let lines = parser.parseBlock()
        let (flows, modules) = parser.structure(lines)
        let all = Array((lexed.diagnostics + parser.diagnostics).prefix(Lexer.maxErrors))
        return ParsedFile(source: source, flows: flows, comments: lexed.comments,
                          diagnostics: Diagnostic.sorted(all), modules: modules)
    }

    private init(source: SourceFile, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    // MARK: Lines

    private var current: Token { tokens[index] }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    /// One logical line: a statement, or text continuing the enclosing statement.
    private enum Line {
        case statement(Statement)
        case text([Value])
        /// `name=value …` alone on a line: more options of the statement above it, so a long
        /// `use` or `dial` line can continue over several.
        case options([StatementOption])
    }

    /// Lines up to the end of the current block (a DEDENT, which is consumed, or the end).
    private mutating func parseBlock() -> [Statement] {
        var statements: [Statement] = []
        while true {
            switch current.kind {
            case .end:
                return statements
            case .dedent:
                _ = advance()
                return statements
            case .newline, .indent:
                // An indent with no statement above it (already reported by the lexer or
                // a first line that is indented): read its lines as if they were not.
                _ = advance()
            default:
                switch parseLine() {
                case .statement(let statement):
                    statements.append(statement)
                case .text(let values):
                    report(.syntax, "text on its own line must continue a statement", values[0].range,
                           help: "put it under a `say` (indented), or start the line with `say`")
                case .options(let options):
                    report(.syntax, "options on their own line must continue a statement", options[0].name.range,
                           help: "indent them under the statement they belong to, e.g. under `use MODULE`")
                case nil:
                    break
                }
            }
        }
    }

    private mutating func parseLine() -> Line? {
        let first = current
        if first.kind == .string {
            var values: [Value] = []
            while current.kind == .string { values.append(value(advance())) }
            if current.kind == .newline {
                _ = advance()
                // Lines under a text line belong to nothing; dropping them silently would
                // also let `ivrc fmt` delete them.
                if current.kind == .indent {
                    report(.syntax, "a line of text cannot have an indented block under it", tokens[index + 1].range,
                           help: "indent these lines like the text above them, or under a statement")
                    skipBlock()
                }
                return .text(values)
            }
            report(.syntax, "a statement must start with a keyword such as `say`", first.range,
                   help: "write `say \"…\"` to speak text")
            skipLine()
            return nil
        }
        guard first.kind == .word else {
            report(.syntax, "expected a statement keyword here, found \(describe(first))", first.range,
                   help: "statements start with a keyword: say, menu, dial, record, goto, …")
            skipLine()
            return nil
        }
        if tokens[index + 1].kind == .equals { return parseOptionsLine() }
        _ = advance()
        var statement = Statement(keyword: Name(first.text, first.range), range: first.range)
        parseRestOfLine(into: &statement)
        if current.kind == .indent {
            _ = advance()
            for child in parseBlockLines() {
                switch child {
                case .statement(let nested):
                    statement.children.append(nested)
                case .text(let values):
                    appendText(values, to: &statement)
                case .options(let options):
                    statement.options += options
                }
            }
        }
        return .statement(statement)
    }

    /// `name=value …` with nothing else: options continued from the line above.
    private mutating func parseOptionsLine() -> Line? {
        var line = Statement(keyword: Name("", current.range), range: current.range)
        parseRestOfLine(into: &line)
        if let stray = line.arguments.first?.range ?? line.target?.range {
            report(.syntax, "a continued line holds only options (name=value)", stray,
                   help: "write arguments and `-> STEP` on the statement's own line")
            return nil
        }
        if current.kind == .indent {
            report(.syntax, "a line of options cannot have an indented block under it", tokens[index + 1].range,
                   help: "indent these lines like the options above them")
            skipBlock()
            return nil
        }
        return line.options.isEmpty ? nil : .options(line.options)
    }

    /// Like `parseBlock`, but keeps text lines for the caller to join.
    private mutating func parseBlockLines() -> [Line] {
        var lines: [Line] = []
        while true {
            switch current.kind {
            case .end:
                return lines
            case .dedent:
                _ = advance()
                return lines
            case .newline, .indent:
                _ = advance()
            default:
                if let line = parseLine() { lines.append(line) }
            }
        }
    }

    private mutating func parseRestOfLine(into statement: inout Statement) {
        while current.kind != .newline && current.kind != .end {
            let token = advance()
            switch token.kind {
            case .word where current.kind == .equals:
                _ = advance()
                let name = Name(token.text, token.range)
                if isValueToken(current.kind) {
                    let optionValue = value(advance())
                    statement.options.append(StatementOption(name: name, value: optionValue))
                } else {
                    report(.syntax, "option `\(token.text)` needs a value after `=`", token.range.through(tokens[index - 1].range),
                           help: "write it as \(token.text)=VALUE, with no spaces around `=`")
                    skipLine()
                    return
                }
            case .arrow:
                guard current.kind == .word else {
                    report(.syntax, "expected a step name after `->`", token.range,
                           help: "write `-> STEP`, naming the step to continue at")
                    skipLine()
                    return
                }
                let target = advance()
                statement.target = Name(target.text, target.range)
                statement.range = statement.range.through(target.range)
            case .equals:
                report(.syntax, "`=` must follow an option name", token.range,
                       help: "options are written name=value, e.g. timeout=5s")
                skipLine()
                return
            default:
                statement.arguments.append(value(token))
            }
            statement.range = statement.range.through(token.range)
        }
        if current.kind == .newline { _ = advance() }
    }

    private func isValueToken(_ kind: Token.Kind) -> Bool {
        switch kind {
        case .word, .string, .integer, .duration, .phone, .sipURI, .url: true
        default: false
        }
    }

    private mutating func value(_ token: Token) -> Value {
        if token.kind == .string || token.kind == .url || token.kind == .sipURI { reportMalformedPlaceholders(in: token) }
        if token.kind == .url { reportPlaceholdersBeforePath(in: token) }
        return Value(token) ?? Value(.word(token.text), token.range)
    }

    /// Anything between `{{ }}` in text, a URL or a SIP URI that is not a placeholder (a bare
    /// `{{…}}` word is the lexer's to report). The decoded text decides; a piece is pointed
    /// at where it is written when no escape precedes it, else at the string's start.
    private mutating func reportMalformedPlaceholders(in token: Token) {
        guard token.text.contains("{{") else { return }
        let text = ArraySlice(token.text.utf8)
        let written = source.bytes[token.range.start..<token.range.end]
        let opening = token.kind == .string ? 1 : 0
        let firstEscape = (written.firstIndex(of: UInt8(ascii: "\\")) ?? token.range.end) - token.range.start
        for case .malformed(let piece) in Placeholder.Scanner(text) {
            let problem = Placeholder.problem(piece, in: text)
            let located = opening + problem.range.upperBound <= firstEscape
            let range = located ? SourceRange(token.range.start + opening + problem.range.lowerBound, token.range.start + opening + problem.range.upperBound)
                : SourceRange(token.range.start, token.range.start + 1)
            report(.invalidPlaceholder, problem.message, range, help: problem.help)
        }
    }

    /// A placeholder in a URL's scheme or authority would let a value choose the host a request
    /// (headers, body) goes to: `https://api.example.com{{x}}` with `.evil.example`.
    private mutating func reportPlaceholdersBeforePath(in token: Token) {
        let text = ArraySlice(token.text.utf8)
        let slashes = Array("://".utf8)
        let afterScheme = text.indices.first { text[$0...].starts(with: slashes) }.map { $0 + slashes.count } ?? text.startIndex
        let pathStart = text[afterScheme...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? text.endIndex
        // `env.` and `param.` are written by whoever deploys or uses the flow, not by the caller.
        for case .placeholder(let name, let range, _) in Placeholder.Scanner(text)
        where range.lowerBound < pathStart && !name.hasPrefix("env.") && !name.hasPrefix("param.") {
            report(.placeholderInHost, "`{{\(name)}}` stands in the URL's scheme or host",
                   SourceRange(token.range.start + range.lowerBound, token.range.start + range.upperBound),
                   help: "write the scheme and host in the flow; a value may fill the path or the query: `https://api.example.com/{{\(name)}}`")
        }
    }

    /// Continued text is joined to the statement's last string with one space.
    private func appendText(_ values: [Value], to statement: inout Statement) {
        for value in values {
            if let last = statement.arguments.last, case .string(let text) = last.kind {
                statement.arguments[statement.arguments.count - 1] =
                    Value(.string(text + " " + value.text), last.range.through(value.range))
            } else {
                statement.arguments.append(value)
            }
        }
    }

    private mutating func skipLine() {
        while current.kind != .newline && current.kind != .end { _ = advance() }
        if current.kind == .newline { _ = advance() }
    }

    /// Skips an indented block under a line that was already rejected.
    private mutating func skipBlock() {
        guard current.kind == .indent else { return }
        var depth = 0
        repeat {
            switch advance().kind {
            case .indent: depth += 1
            case .dedent: depth -= 1
            case .end: return
            default: break
            }
        } while depth > 0
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .string: "a string"
        case .integer, .duration: "the number `\(token.text)`"
        case .phone: "the phone number `\(token.text)`"
        case .sipURI, .url: "`\(token.text)`"
        case .arrow: "`->`"
        case .equals: "`=`"
        default: "`\(token.text)`"
        }
    }

    private mutating func report(_ id: DiagnosticID, _ message: String, _ range: SourceRange, help: String?) {
        guard diagnostics.count < Lexer.maxErrors else { return }
        diagnostics.append(.error(id, message, at: source.span(range.start, range.end), help: help))
    }
}

// MARK: - Structure

extension Parser {
    private mutating func structure(_ lines: [Statement]) -> ([FlowDecl], [ModuleDecl]) {
        var flows: [FlowDecl] = []
        var modules: [ModuleDecl] = []
        for line in lines {
            if line.keyword.text == "module" {
                if let module = structureModule(line) { modules.append(module) }
                continue
            }
            guard line.keyword.text == "flow" else {
                let suggestion = Spelling.nearest(line.keyword.text, in: ["flow", "module"]).map { "did you mean `\($0)`? " } ?? ""
                report(.syntax, "expected `flow NAME` or `module NAME` at the top level, found `\(line.keyword.text)`", line.keyword.range,
                       help: "\(suggestion)every statement belongs to a step inside a flow:\n    flow NAME\n      step NAME\n        …")
                continue
            }
            guard let name = identifier(line, what: "flow") else { continue }
            var flow = FlowDecl(name: name, settings: [], keys: [], steps: [], tests: [], range: line.range)
            for member in line.children { structureMember(member, into: &flow) }
            if flow.steps.isEmpty {
                report(.emptyFlow, "flow `\(name.text)` has no steps", name.range,
                       help: "add a step under it:\n    step welcome\n      say \"…\"")
            }
            flows.append(flow)
        }
        return (flows, modules)
    }

    private mutating func structureMember(_ member: Statement, into flow: inout FlowDecl) {
        let keyword = member.keyword.text
        switch keyword {
        case "step":
            if let step = structureStep(member) { flow.steps.append(step) }
        case "use":
            flow.uses.append(member)
        case "test":
            guard member.arguments.count == 1, case .string(let description) = member.arguments[0].kind else {
                report(.syntax, "a test needs a quoted description", member.range,
                       help: "write `test \"urgent caller reaches the nurse\"`")
                return
            }
            noTarget(member, what: "test")
            flow.tests.append(TestDecl(description: description, body: member.children, range: member.range))
        case "schedule":
            if member.children.isEmpty {
                report(.syntax, "schedule has no `open` lines", member.range,
                       help: "indent its hours under it:\n    schedule office \"America/New_York\"\n      open mon-fri 8:00-18:00")
                return
            }
            flow.schedules.append(member)
        case "on":
            flow.keys.append(member)
        case _ where Self.settingNames.contains(keyword):
            let valuesFit = Self.listSettings.contains(keyword) ? !member.arguments.isEmpty : member.arguments.count == 1
            let childrenFit = member.children.isEmpty || Self.blockSettings.contains(keyword)
            if !childrenFit || !valuesFit || !member.options.isEmpty || member.target != nil {
                let count = Self.listSettings.contains(keyword) ? "one or more values" : "exactly one value"
                report(.syntax, "setting `\(keyword)` takes \(count)", member.range,
                       help: "write it on one line, e.g. `\(keyword) \(Self.settingExample(keyword))`")
            }
            if let previous = flow.setting(keyword) {
                report(.duplicateSetting, "`\(keyword)` is set twice in flow `\(flow.name.text)`", member.keyword.range,
                       help: "keep one; the first is on line \(source.line(of: previous.range.start))")
                return
            }
            let values = Self.listSettings.contains(keyword) ? member.arguments : Array(member.arguments.prefix(1))
            let children = Self.blockSettings.contains(keyword) ? member.children : []
            flow.settings.append(Setting(name: member.keyword, values: values, children: children, range: member.range))
        default:
            let known = Self.settingNames + ["step", "test", "schedule", "on", "use"]
            let hint = Spelling.nearest(keyword, in: known).map { "did you mean `\($0)`? " } ?? ""
            report(.syntax, "`\(keyword)` cannot appear directly in a flow", member.keyword.range,
                   help: "\(hint)a flow holds settings (\(Self.settingNames.joined(separator: ", "))), keys every menu accepts (`on 0 -> operator`), schedules, modules it uses (`use NAME`), steps and tests; statements go inside a step")
        }
    }

    private mutating func structureStep(_ member: Statement) -> StepDecl? {
        guard let name = identifier(member, what: "step", allowing: ["emergency"]) else { return nil }
        let emergency = member.arguments.dropFirst().first?.range
        if member.children.isEmpty {
            report(.syntax, "step `\(name.text)` has no statements", name.range,
                   help: "indent the step's statements under it, e.g. `say \"…\"` or `hangup`")
        }
        return StepDecl(name: name, emergency: emergency, body: member.children, range: member.range)
    }

    /// `module NAME` with `param`, `use` and `step` members; what the parameters and uses
    /// mean is the module expansion's to say.
    private mutating func structureModule(_ line: Statement) -> ModuleDecl? {
        guard let name = identifier(line, what: "module") else { return nil }
        var module = ModuleDecl(name: name, range: line.range)
        for member in line.children {
            switch member.keyword.text {
            case "param": module.params.append(member)
            case "use": module.uses.append(member)
            case "step": if let step = structureStep(member) { module.steps.append(step) }
            default:
                let hint = Spelling.nearest(member.keyword.text, in: ["param", "use", "step"]).map { "did you mean `\($0)`? " } ?? ""
                report(.syntax, "`\(member.keyword.text)` cannot appear directly in a module", member.keyword.range,
                       help: "\(hint)a module holds parameters (`param dispatch phone`), modules it uses (`use NAME`) and steps; settings and tests belong to the flows that use it")
            }
        }
        if module.steps.isEmpty {
            report(.syntax, "module `\(name.text)` has no steps", name.range,
                   help: "add a step under it:\n    module NAME\n      step start\n        say \"…\"")
        }
        return module
    }

    public static func settingExample(_ name: String) -> String {
        switch name {
        case "number": "+1-800-555-0157"
        case "industry": "healthcare"
        case "voice": "alice"
        case "language": "en-US"
        case "languages": "en-US es-MX"
        case "dial-prefixes": "+1 +44"
        case "recording-status-callback": "https://records.example.com/telnyx"
        case "retention": "7y"
        case "daily-call-target": "120"
        default: "https://ivr.example.com/texml"
        }
    }

    /// The declaration's name: its first argument, which must be an identifier.
    private mutating func identifier(_ line: Statement, what: String, allowing flags: Set<String> = []) -> Name? {
        guard let first = line.arguments.first, case .word(let text) = first.kind, Self.isIdentifier(text) else {
            let at = line.arguments.first?.range ?? line.keyword.range
            report(.syntax, "expected a \(what) name after `\(what)`", at,
                   help: "names are letters, digits, `_` and `-`, starting with a letter: `\(what) welcome`")
            return nil
        }
        for extra in line.arguments.dropFirst() where !flags.contains(extra.text) {
            let hint = Spelling.nearest(extra.text, in: flags).map { "did you mean `\($0)`?" }
                ?? (flags.isEmpty ? "a \(what) line holds only its name" : "only \(flags.sorted().map { "`\($0)`" }.joined(separator: ", ")) may follow the name")
            report(.syntax, "unexpected `\(extra.text)` after the \(what) name", extra.range, help: hint)
        }
        if let option = line.options.first {
            report(.syntax, "a \(what) takes no options", option.range, help: "put options on the statements inside it")
        }
        noTarget(line, what: what)
        return Name(text, first.range)
    }

    /// A declaration line holds no `-> STEP`; one written there is reported, not dropped.
    private mutating func noTarget(_ line: Statement, what: String) {
        guard let target = line.target else { return }
        report(.syntax, "a \(what) line does not continue anywhere, so `-> \(target.text)` means nothing here", target.range,
               help: "remove `-> \(target.text)`; to continue at a step, end the statements inside with `goto \(target.text)`")
    }

    /// `[A-Za-z_][A-Za-z0-9_-]*`
    public static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    }
}
