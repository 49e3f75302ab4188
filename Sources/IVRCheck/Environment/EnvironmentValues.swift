import IVRLang

/// One environment's values (`environments/production.toml`): what `env.NAME` in a flow and
/// `{{env.NAME}}` in its text stand for when built for that environment. Read by
/// `IVREnvironment`; substituted before resolution, so every rule runs on the values.
public struct EnvironmentValues: Sendable {
    /// `production`, `staging`, …
    public let name: String
    /// The values file, for diagnostics about its keys and for the manifest.
    public let file: SourceFile
    /// Every key with its value as text, and the line it is written on. A key of a line's own
    /// table (`[patient_intake]` then `number = …`) is `patient_intake.number`.
    public let values: [String: (text: String, line: Int)]
    /// The tables: one per line (flow) whose values differ from the other lines sharing the file.
    public let tables: Set<String>

    public init(name: String, file: SourceFile, values: [String: (text: String, line: Int)], tables: Set<String> = []) {
        self.name = name
        self.file = file
        self.values = values
        self.tables = tables
    }

    /// What `env.KEY` stands for in the flow (line) `line` and the key it is found under: the
    /// line's own table first, then the values every line shares.
    public func value(of key: String, inLine line: String?) -> (text: String, key: String)? {
        let own = line.flatMap { tables.contains($0) ? "\($0).\(key)" : nil }
        guard let defined = [own, key].compactMap({ $0 }).first(where: { values[$0] != nil }),
              let entry = values[defined] else { return nil }
        return (entry.text, defined)
    }

    /// The table a key belongs to (nil for a key every flow shares).
    public func table(of key: String) -> String? {
        key.firstIndex(of: ".").map { String(key[..<$0]) }.flatMap { tables.contains($0) ? $0 : nil }
    }
}

extension EnvironmentValues {
    /// Where `key` is written in the values file (its line's first key character).
    public func span(ofKey key: String) -> SourceSpan {
        let line = values[key]?.line ?? 1
        let lines = file.lineStarts
        let lineStart = lines[max(0, min(line, lines.count) - 1)]
        let column = file.lineText(line).utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        // A table's key is written without its table's name.
        let written = table(of: key).map { key.dropFirst($0.count + 1) } ?? Substring(key)
        return file.span(lineStart + column, lineStart + column + written.utf8.count)
    }
}
