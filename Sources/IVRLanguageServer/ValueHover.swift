import Foundation
import IVRCheck
import IVREnvironment
import IVRLang

/// Hovers over values: what `env.KEY` is in each environment, what a `use` line's module
/// takes, and a phone number as it is dialled.
enum ValueHover {
    /// `env.KEY` (or `{{env.KEY}}`): its value in every `environments/NAME.toml` of the
    /// workspace, the files `--env NAME` reads, looked up for the flow around the cursor.
    static func environmentValue(_ cursor: CursorContext, root: String?) -> String? {
        guard cursor.word.hasPrefix(EnvironmentSubstitution.prefix) else { return nil }
        let key = String(cursor.word.dropFirst(EnvironmentSubstitution.prefix.count))
        guard !key.isEmpty else { return nil }
        let line = cursor.document.parsed.flows.last { $0.range.start <= cursor.offset }?.name.text
        let folder = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath).appendingPathComponent("environments")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
        guard !files.isEmpty else { return "`env.\(key)`: the workspace has no `environments/*.toml`" }
        let rows = files.map { file -> String in
            let name = String(file.dropLast(".toml".count))
            guard let values = try? ValuesFile.load(name: name, path: folder.appendingPathComponent(file).path) else {
                return "- `\(name)`: environments/\(file) cannot be read"
            }
            return values.value(of: key, inLine: line).map { "- `\(name)`: `\($0.text)`" } ?? "- `\(name)`: not set"
        }
        return "`env.\(key)`\n\n" + rows.joined(separator: "\n")
    }

    /// The module named on a `use` line: its parameters, their types and defaults.
    static func moduleParameters(_ cursor: CursorContext, _ documents: [Document]) -> String? {
        guard cursor.wordsBefore == ["use"] else { return nil }
        for document in documents {
            let parsed = document.parsed
            guard let module = parsed.modules.first(where: { $0.name.text == cursor.word }) else { continue }
            let rows = module.params.compactMap { param -> String? in
                guard let name = param.arguments.first?.text else { return nil }
                let type = param.arguments.dropFirst().first?.text ?? "untyped"
                let fallback = param.options.first { $0.name.text == "default" }?.value.map { parsed.source.text($0.range) }
                return "- `\(name)` \(type), " + (fallback.map { "default `\($0)`" } ?? "required")
            }
            return "module `\(module.name.text)`\n\n" + (rows.isEmpty ? "takes no parameters" : rows.joined(separator: "\n"))
        }
        return nil
    }

    /// `+1-800-555-0157` → `+18005550157`, the digits the lexer keeps (not a prefix like `+44`).
    static func phoneNumber(_ cursor: CursorContext) -> String? {
        let word = cursor.word
        guard word.hasPrefix("+"), word.dropFirst().allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
        let digits = word.filter(\.isNumber)
        guard digits.count >= 7 else { return nil }
        return "`+\(digits)` (E.164)"
    }
}
