import IVRLang

/// Where steps are declared and named, across the workspace: `step NAME`, `-> NAME`,
/// `goto NAME`, `expect step NAME` in tests, and `ALIAS.NAME` for a module's step in a flow
/// that uses it. Built from syntax alone, so it works while the flows have errors.
struct StepOccurrences {
    /// A step is known by where it is declared: a flow (in its file) or a module.
    enum Scope: Hashable {
        case flow(file: String, name: String)
        case module(String)
    }

    struct Symbol: Hashable {
        let scope: Scope
        let name: String
    }

    struct Occurrence {
        let symbol: Symbol
        let file: String
        /// The name's bytes only (after `ALIAS.` for a module's step).
        let range: SourceRange
        let isDeclaration: Bool
    }

    private(set) var occurrences: [Occurrence] = []

    init(_ files: [ParsedFile]) {
        for file in files {
            for flow in file.flows { add(flow, in: file.source.path) }
            for module in file.modules { add(module, in: file.source.path) }
        }
    }

    func occurrence(in file: String, at offset: Int) -> Occurrence? {
        occurrences.first { $0.file == file && $0.range.start <= offset && offset <= $0.range.end }
    }

    func all(_ symbol: Symbol) -> [Occurrence] {
        occurrences.filter { $0.symbol == symbol }
    }

    func declarations(in scope: Scope) -> [Occurrence] {
        occurrences.filter { $0.isDeclaration && $0.symbol.scope == scope }
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
        for step in flow.steps { declare(step, scope: scope, in: file) }
        for statement in flow.keys + flow.steps.flatMap(\.body) { addReferences(statement, in: file, resolve: resolve) }
        for test in flow.tests {
            for statement in test.body { addTestReferences(statement, in: file, resolve: resolve) }
        }
    }

    private mutating func add(_ module: ModuleDecl, in file: String) {
        let scope = Scope.module(module.name.text)
        for step in module.steps { declare(step, scope: scope, in: file) }
        let resolve = { (name: String) -> (Scope, String, Int)? in name.contains(".") ? nil : (scope, name, 0) }
        for statement in module.steps.flatMap(\.body) { addReferences(statement, in: file, resolve: resolve) }
    }

    private mutating func declare(_ step: StepDecl, scope: Scope, in file: String) {
        occurrences.append(Occurrence(symbol: Symbol(scope: scope, name: step.name.text), file: file,
                                      range: step.name.range, isDeclaration: true))
    }

    /// `-> NAME` on any statement and `goto NAME`, through nested blocks.
    private mutating func addReferences(_ statement: Statement, in file: String,
                                        resolve: (String) -> (Scope, String, Int)?) {
        if let target = statement.target { reference(target.text, at: target.range, in: file, resolve: resolve) }
        if statement.keyword.text == "goto", let name = statement.arguments.first, case .word = name.kind {
            reference(name.text, at: name.range, in: file, resolve: resolve)
        }
        for child in statement.children { addReferences(child, in: file, resolve: resolve) }
    }

    /// `expect step NAME` (and `expect no step NAME`).
    private mutating func addTestReferences(_ statement: Statement, in file: String,
                                            resolve: (String) -> (Scope, String, Int)?) {
        let words = statement.arguments
        guard statement.keyword.text == "expect", let stepWord = words.firstIndex(where: { $0.text == "step" }),
              stepWord + 1 < words.count, case .word = words[stepWord + 1].kind else { return }
        reference(words[stepWord + 1].text, at: words[stepWord + 1].range, in: file, resolve: resolve)
    }

    private mutating func reference(_ text: String, at range: SourceRange, in file: String,
                                    resolve: (String) -> (Scope, String, Int)?) {
        guard let (scope, name, prefix) = resolve(text) else { return }
        occurrences.append(Occurrence(symbol: Symbol(scope: scope, name: name), file: file,
                                      range: SourceRange(range.start + prefix, range.end), isDeclaration: false))
    }
}
