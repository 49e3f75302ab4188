import IVRLang

/// What a file means to the compiler, without positions or layout: the formatter's output
/// must have the same fingerprint as its input. Options are listed sorted (their order is
/// layout), phone numbers normalised (the compiler reads them so).
public enum SyntaxFingerprint {
    public static func of(_ file: ParsedFile) -> [String] {
        var out: [String] = []
        for flow in file.flows {
            out.append("flow \(flow.name.text)")
            for setting in flow.settings {
                let values = setting.values.isEmpty ? "-" : setting.values.map(describe).joined(separator: " ")
                out.append("  setting \(setting.name.text) \(values)")
                for child in setting.children { append(child, depth: 2, to: &out) }
            }
            for schedule in flow.schedules { append(schedule, depth: 1, to: &out) }
            for key in flow.keys { append(key, depth: 1, to: &out) }
            for use in flow.uses { append(use, depth: 1, to: &out) }
            for step in flow.steps { append(step, to: &out) }
            for test in flow.tests {
                out.append("  test \(StringLiteral.quote(test.description))")
                for statement in test.body { append(statement, depth: 2, to: &out) }
            }
        }
        for module in file.modules {
            out.append("module \(module.name.text)")
            for line in module.params + module.uses { append(line, depth: 1, to: &out) }
            for step in module.steps { append(step, to: &out) }
        }
        return out
    }

    private static func append(_ step: StepDecl, to out: inout [String]) {
        out.append("  step \(step.name.text)\(step.emergency == nil ? "" : " emergency")")
        for statement in step.body { append(statement, depth: 2, to: &out) }
    }

    private static func append(_ statement: Statement, depth: Int, to out: inout [String]) {
        var parts = [statement.keyword.text] + statement.arguments.map(describe)
        parts += OptionOrder.sorted(statement.options).map { option in
            "\(option.name.text)=\(option.value.map(describe) ?? "-")"
        }
        if let target = statement.target { parts.append("-> \(target.text)") }
        out.append(String(repeating: "  ", count: depth) + parts.joined(separator: " "))
        for child in statement.children { append(child, depth: depth + 1, to: &out) }
    }

    private static func describe(_ value: Value) -> String {
        switch value.kind {
        case .word(let text): "word(\(text))"
        case .string(let text): "string(\(StringLiteral.quote(text)))"
        case .integer(let number): "int(\(number))"
        case .duration(let milliseconds): "duration(\(milliseconds))"
        case .phone(let number): "phone(\(number))"
        case .sipURI(let uri): "sip(\(uri))"
        case .url(let url): "url(\(url))"
        }
    }
}
