import IVRLang

/// Where the names a designer gives are declared and named, across the workspace: steps
/// (`step NAME`, `-> NAME`, `goto NAME`, `expect step NAME`, `ALIAS.NAME` for a module's step in
/// a flow that uses it), modules (`module NAME`, `use NAME`), schedules (`schedule NAME`,
/// `hours NAME`) and a module's parameters (`param NAME`, `param.NAME` and `{{param.NAME}}` in
/// the module, `NAME=` on its `use` lines). Built from syntax alone, so it works while the
/// flows have errors.
struct NameOccurrences {
    enum Kind: String {
        case step, module, schedule, parameter
    }

    /// Where a name is declared: a flow (in its file), a module, or the whole workspace.
    enum Scope: Hashable {
        case flow(file: String, name: String)
        case module(String)
        case workspace
    }

    struct Symbol: Hashable {
        let kind: Kind
        let scope: Scope
        let name: String
    }

    struct Occurrence {
        let symbol: Symbol
        let file: String
        /// The name's bytes only (after `ALIAS.` for a module's step, after `param.`).
        let range: SourceRange
        let isDeclaration: Bool
    }

    private(set) var occurrences: [Occurrence] = []

    init(_ files: [ParsedFile]) {
        for file in files {
            for flow in file.flows { add(flow, in: file.source.path) }
            for module in file.modules { add(module, in: file) }
        }
    }

    func occurrence(in file: String, at offset: Int) -> Occurrence? {
        occurrences.first { $0.file == file && $0.range.start <= offset && offset <= $0.range.end }
    }

    func all(_ symbol: Symbol) -> [Occurrence] {
        occurrences.filter { $0.symbol == symbol }
    }

    func declarations(of kind: Kind, in scope: Scope) -> [Occurrence] {
        occurrences.filter { $0.isDeclaration && $0.symbol.kind == kind && $0.symbol.scope == scope }
    }

    private mutating func add(_ flow: FlowDecl, in file: String) {
        let scope = Scope.flow(file: file, name: flow.name.text)
        // `use MODULE [as ALIAS]`: the prefix a flow writes before the module's step names.
        var modules: [String: String] = [:]
        for use in flow.uses {
            let words = use.arguments.map(\.text)
            guard let module = words.first else { continue }
            modules[words.count >= 3 && words[1] == "as" ? words[2] : module] = module
        }
        let resolve = { (name: String) -> (Scope, String, Int)? in
            guard let dot = name.firstIndex(of: ".") else { return (scope, name, 0) }
            guard let module = modules[String(name[..<dot])] else { return nil }
            let prefix = name[..<dot].utf8.count + 1
            return (.module(module), String(name[name.index(after: dot)...]), prefix)
        }
        for step in flow.steps { declare(.step, step.name, scope: scope, in: file) }
        for schedule in flow.schedules {
            if let name = schedule.arguments.first, case .word = name.kind { declare(.schedule, Name(name.text, name.range), scope: scope, in: file) }
        }
        for use in flow.uses { addUse(use, in: file) }
        for statement in flow.keys + flow.steps.flatMap(\.body) {
            addReferences(statement, in: file, resolve: resolve, schedules: scope)
        }
        for test in flow.tests {
            for statement in test.body { addTestReferences(statement, in: file, resolve: resolve) }
        }
    }

    private mutating func add(_ module: ModuleDecl, in parsed: ParsedFile) {
        let file = parsed.source.path
        let scope = Scope.module(module.name.text)
        declare(.module, module.name, scope: .workspace, in: file)
        for step in module.steps { declare(.step, step.name, scope: scope, in: file) }
        for param in module.params {
            if let name = param.arguments.first, case .word = name.kind { declare(.parameter, Name(name.text, name.range), scope: scope, in: file) }
        }
        for use in module.uses { addUse(use, in: file) }
        let resolve = { (name: String) -> (Scope, String, Int)? in name.contains(".") ? nil : (scope, name, 0) }
        for statement in module.steps.flatMap(\.body) { addReferences(statement, in: file, resolve: resolve, schedules: nil) }
        // Statements' ranges are their head lines, keyword to last token: comments stay out.
        for statement in module.uses + module.steps.flatMap(\.body).flatMap(Self.withDescendants) {
            for name in Self.parameterReferences(in: parsed.source, statement.range) {
                reference(.parameter, parsed.source.text(name), at: name, scope: scope, in: file)
            }
        }
    }

    private static func withDescendants(_ statement: Statement) -> [Statement] {
        [statement] + statement.children.flatMap(withDescendants)
    }

    /// `use MODULE … NAME=VALUE`: the module and the parameters it fills.
    private mutating func addUse(_ use: Statement, in file: String) {
        guard let module = use.arguments.first, case .word = module.kind else { return }
        reference(.module, module.text, at: module.range, scope: .workspace, in: file)
        for option in use.options {
            reference(.parameter, option.name.text, at: option.name.range, scope: .module(module.text), in: file)
        }
    }

    private mutating func declare(_ kind: Kind, _ name: Name, scope: Scope, in file: String) {
        occurrences.append(Occurrence(symbol: Symbol(kind: kind, scope: scope, name: name.text), file: file,
                                      range: name.range, isDeclaration: true))
    }

    /// `-> NAME` on any statement, `goto NAME` and `hours NAME`, through nested blocks.
    private mutating func addReferences(_ statement: Statement, in file: String,
                                        resolve: (String) -> (Scope, String, Int)?, schedules: Scope?) {
        if let target = statement.target { step(target.text, at: target.range, in: file, resolve: resolve) }
        if statement.keyword.text == "goto", let name = statement.arguments.first, case .word = name.kind {
            step(name.text, at: name.range, in: file, resolve: resolve)
        }
        if statement.keyword.text == "hours", let schedules, let name = statement.arguments.first, case .word = name.kind {
            reference(.schedule, name.text, at: name.range, scope: schedules, in: file)
        }
        for child in statement.children { addReferences(child, in: file, resolve: resolve, schedules: schedules) }
    }

    /// `expect step NAME` (and `expect no step NAME`).
    private mutating func addTestReferences(_ statement: Statement, in file: String,
                                            resolve: (String) -> (Scope, String, Int)?) {
        let words = statement.arguments
        guard statement.keyword.text == "expect", let stepWord = words.firstIndex(where: { $0.text == "step" }),
              stepWord + 1 < words.count, case .word = words[stepWord + 1].kind else { return }
        step(words[stepWord + 1].text, at: words[stepWord + 1].range, in: file, resolve: resolve)
    }

    private mutating func step(_ text: String, at range: SourceRange, in file: String,
                               resolve: (String) -> (Scope, String, Int)?) {
        guard let (scope, name, prefix) = resolve(text) else { return }
        // `MODULE.STEP` where the `use` gives no alias names the module too.
        if case .module(let module) = scope, prefix > 0, text.hasPrefix(module + ".") {
            reference(.module, module, at: SourceRange(range.start, range.start + prefix - 1), scope: .workspace, in: file)
        }
        reference(.step, name, at: SourceRange(range.start + prefix, range.end), scope: scope, in: file)
    }

    private mutating func reference(_ kind: Kind, _ name: String, at range: SourceRange, scope: Scope, in file: String) {
        occurrences.append(Occurrence(symbol: Symbol(kind: kind, scope: scope, name: name), file: file,
                                      range: range, isDeclaration: false))
    }

    /// The names after every `param.` in `range` that starts a word, in words and in `{{…}}` alike.
    static func parameterReferences(in source: SourceFile, _ range: SourceRange) -> [SourceRange] {
        let bytes = source.bytes, prefix = Array("param.".utf8)
        let end = min(range.end, bytes.count)
        var names: [SourceRange] = [], offset = max(0, range.start)
        while offset + prefix.count < end {
            defer { offset += 1 }
            guard bytes[offset..<(offset + prefix.count)].elementsEqual(prefix),
                  offset == 0 || !isNameByte(bytes[offset - 1]) else { continue }
            let start = offset + prefix.count
            var stop = start
            while stop < end && isNameByte(bytes[stop]) { stop += 1 }
            if stop > start { names.append(SourceRange(start, stop)) }
        }
        return names
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
