import IVRLang

/// `use MODULE [as NAME] [PARAM=VALUE …]` in a flow or a module, read. The module's steps
/// come in as `NAME.STEP` (NAME is MODULE unless `as` renames it).
struct ModuleUse {
    let module: Name
    let name: Name
    let arguments: [StatementOption]
    let statement: Statement

    /// Reads one `use` line, reporting what is wrong with its shape.
    static func read(_ line: Statement, in source: SourceFile, report: (Diagnostic) -> Void) -> ModuleUse? {
        func error(_ message: String, _ range: SourceRange) {
            report(.error(.syntax, message, at: source.span(range.start, range.end),
                          help: "write `use fleet_emergency dispatch=+1-555-010-0911`, or `use fleet_emergency as emergency …`"))
        }
        let words = line.arguments.map { value -> Name? in
            if case .word(let text) = value.kind, Parser.isIdentifier(text) { Name(text, value.range) } else { nil }
        }
        guard let module = words.first ?? nil else {
            error("expected a module name after `use`", line.arguments.first?.range ?? line.keyword.range)
            return nil
        }
        var name = module
        switch line.arguments.count {
        case 1:
            break
        case 3 where words[1]?.text == "as":
            guard let alias = words[2] else {
                error("expected a name after `as`", line.arguments[2].range)
                return nil
            }
            name = alias
        default:
            error("unexpected `\(line.arguments[1].text)` after the module name", line.arguments[1].range)
            return nil
        }
        if let target = line.target {
            error("a `use` line does not continue anywhere; go to the module's steps with `-> \(name.text).STEP`", target.range)
            return nil
        }
        if let child = line.children.first {
            error("a `use` line takes no indented block", child.range)
            return nil
        }
        return ModuleUse(module: module, name: name, arguments: line.options, statement: line)
    }
}
