/// The syntax tree. Every node carries its byte range; `SourceFile.span` turns it into
/// lines and columns. The parser knows the file's structure (flows, settings, steps, tests)
/// but not what each statement means: that is the resolver's job, so one grammar serves
/// every TeXML verb.

/// A parsed `.ivr` file.
public struct ParsedFile: Sendable {
    public let source: SourceFile
    public var flows: [FlowDecl]
    public var comments: [Comment]
    /// Lexical and syntax errors; the tree holds whatever could be recovered.
    public var diagnostics: [Diagnostic]
    /// `module NAME` blocks: steps that flows take in with `use NAME`.
    public var modules: [ModuleDecl] = []
}

/// A name as written, with where it was written.
public struct Name: Sendable, Hashable {
    public let text: String
    public let range: SourceRange

    public init(_ text: String, _ range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A literal argument or option value.
public struct Value: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word(String)
        case string(String)
        case integer(Int)
        case duration(milliseconds: Int)
        /// Normalised to `+` and digits.
        case phone(String)
        case sipURI(String)
        case url(String)
    }

    public let kind: Kind
    public let range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The value a token stands for where a value is written; nil for structural tokens
    /// (`->`, `=`, indentation). One mapping for the parser and for substituted `env.` values.
    public init?(_ token: Token) {
        let kind: Kind? = switch token.kind {
        case .word: .word(token.text)
        case .string: .string(token.text)
        case .integer: .integer(token.number)
        case .duration: .duration(milliseconds: token.number)
        case .phone: .phone(token.text)
        case .sipURI: .sipURI(token.text)
        case .url: .url(token.text)
        case .arrow, .equals, .newline, .indent, .dedent, .end: nil
        }
        guard let kind else { return nil }
        self.init(kind, token.range)
    }

    /// The value as text: the word, the decoded string, the number, the normalised phone.
    public var text: String {
        switch kind {
        case .word(let text), .string(let text), .phone(let text), .sipURI(let text), .url(let text): text
        case .integer(let value): String(value)
        case .duration(let milliseconds): Value.formatDuration(milliseconds)
        }
    }

    /// `5000` → `5s`, `120000` → `2m`, `500` → `500ms`.
    public static func formatDuration(_ milliseconds: Int) -> String {
        if milliseconds % 60_000 == 0 && milliseconds > 0 { return "\(milliseconds / 60_000)m" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(milliseconds)ms"
    }
}

/// `name=value`, or a bare flag (`beep`) whose value is nil.
public struct StatementOption: Sendable, Hashable {
    public let name: Name
    public let value: Value?

    public var range: SourceRange { value.map { name.range.through($0.range) } ?? name.range }

    public init(name: Name, value: Value?) {
        self.name = name
        self.value = value
    }
}

/// `KEYWORD [ARGUMENT …] [OPTION …] [-> TARGET]` with an optional indented block.
/// Text continued on string-only lines is already joined into the last string argument.
public struct Statement: Sendable {
    public let keyword: Name
    public var arguments: [Value]
    public var options: [StatementOption]
    public var target: Name?
    public var children: [Statement]
    /// The head line, keyword to last token.
    public var range: SourceRange

    public init(keyword: Name, arguments: [Value] = [], options: [StatementOption] = [], target: Name? = nil,
                children: [Statement] = [], range: SourceRange) {
        self.keyword = keyword
        self.arguments = arguments
        self.options = options
        self.target = target
        self.children = children
        self.range = range
    }
}

/// A flow-level setting: `number +1-800-…`, `industry healthcare`, `voice alice`, …
public struct Setting: Sendable {
    public let name: Name
    /// Every value written: one for most settings, several for `languages en-US es-MX`.
    public let values: [Value]
    /// Lines under the setting: per-language voices (`es-MX Polly.Mia` under `voice`).
    public let children: [Statement]
    public let range: SourceRange

    public var value: Value? { values.first }

    public init(name: Name, values: [Value], children: [Statement] = [], range: SourceRange) {
        self.name = name
        self.values = values
        self.children = children
        self.range = range
    }

    public init(name: Name, value: Value?, range: SourceRange) {
        self.init(name: name, values: value.map { [$0] } ?? [], range: range)
    }
}

public struct StepDecl: Sendable {
    public let name: Name
    /// Where `emergency` was written, if it was.
    public let emergency: SourceRange?
    public var body: [Statement]
    public let range: SourceRange

    public init(name: Name, emergency: SourceRange?, body: [Statement], range: SourceRange) {
        self.name = name
        self.emergency = emergency
        self.body = body
        self.range = range
    }
}

/// `test "description"` with its events and expectations as statements.
public struct TestDecl: Sendable {
    public let description: String
    public var body: [Statement]
    public let range: SourceRange
}

public struct FlowDecl: Sendable {
    public let name: Name
    public var settings: [Setting]
    /// `on KEY -> STEP` written directly in the flow: a key every menu of the flow accepts.
    public var keys: [Statement]
    public var steps: [StepDecl]
    public var tests: [TestDecl]
    public let range: SourceRange
    /// `schedule NAME "Zone/City"` with its `open …`/`closed …` lines, kept as written: the
    /// resolver gives them meaning, the formatter keeps their layout.
    public var schedules: [Statement] = []
    /// `use MODULE [as NAME] [PARAM=VALUE …]`, kept as written: the module expansion gives them meaning.
    public var uses: [Statement] = []
    /// The module copies among `steps`, whose ranges are moved up (see `ExpandedSource`).
    public var regions: [ExpandedSource.Region] = []

    public func setting(_ name: String) -> Setting? {
        settings.first { $0.name.text == name }
    }
}

/// `module NAME`: steps shared by flows, with parameters. Every flow that writes `use NAME`
/// gets its own copy of the steps, named `NAME.STEP`, with the parameters filled in.
public struct ModuleDecl: Sendable {
    public let name: Name
    /// `param NAME [TYPE] [default=VALUE]`, kept as written.
    public var params: [Statement]
    /// `use MODULE …` lines: modules this one takes in.
    public var uses: [Statement]
    public var steps: [StepDecl]
    public let range: SourceRange

    public init(name: Name, params: [Statement] = [], uses: [Statement] = [], steps: [StepDecl] = [], range: SourceRange) {
        self.name = name
        self.params = params
        self.uses = uses
        self.steps = steps
        self.range = range
    }
}
