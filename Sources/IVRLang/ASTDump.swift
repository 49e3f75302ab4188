/// A stable, indented text form of a parsed file, with `line:col` positions, for golden
/// tests and `ivrc parse --dump` style debugging.
public enum ASTDump {
    public static func dump(_ file: ParsedFile) -> String {
        var out = ""
        let source = file.source
        func at(_ range: SourceRange) -> String {
            let start = source.position(of: range.start), end = source.position(of: range.end)
            return "@\(start.line):\(start.column)-\(end.line):\(end.column)"
        }
        func line(_ depth: Int, _ text: String) {
            out += String(repeating: "  ", count: depth) + text + "\n"
        }
        func stepDecl(_ step: StepDecl) {
            line(1, "step \(step.name.text)\(step.emergency == nil ? "" : " emergency") \(at(step.range))")
            for node in step.body { statement(node, 2) }
        }
        func statement(_ node: Statement, _ depth: Int) {
            var parts = [node.keyword.text]
            parts += node.arguments.map(describe)
            parts += node.options.map { option in
                option.value.map { "\(option.name.text)=\(describe($0))" } ?? option.name.text
            }
            if let target = node.target { parts.append("-> \(target.text)") }
            line(depth, parts.joined(separator: " ") + " " + at(node.range))
            for child in node.children { statement(child, depth + 1) }
        }
        for flow in file.flows {
            line(0, "flow \(flow.name.text) \(at(flow.range))")
            for setting in flow.settings {
                line(1, "setting \(setting.name.text) \(setting.value.map(describe) ?? "<missing>") \(at(setting.range))")
            }
            for schedule in flow.schedules { statement(schedule, 1) }
            for key in flow.keys { statement(key, 1) }
            for use in flow.uses { statement(use, 1) }
            for step in flow.steps { stepDecl(step) }
            for test in flow.tests {
                line(1, "test \(StringLiteral.quote(test.description)) \(at(test.range))")
                for node in test.body { statement(node, 2) }
            }
        }
        for module in file.modules {
            line(0, "module \(module.name.text) \(at(module.range))")
            for param in module.params { statement(param, 1) }
            for use in module.uses { statement(use, 1) }
            for step in module.steps { stepDecl(step) }
        }
        return out
    }

    static func describe(_ value: Value) -> String {
        switch value.kind {
        case .word(let text): "word(\(text))"
        case .string(let text): "string(\(StringLiteral.quote(text)))"
        case .integer(let number): "int(\(number))"
        case .duration(let milliseconds): "duration(\(milliseconds)ms)"
        case .phone(let number): "phone(\(number))"
        case .sipURI(let uri): "sip(\(uri))"
        case .url(let url): "url(\(url))"
        }
    }
}
