import Foundation
import IVRCheck
import IVRLang
import TOMLKit

/// Reads an environment's values file: TOML with one `key = value` per line (strings,
/// numbers, booleans), shared by every flow, and a table per line whose values are its own
/// (`[patient_intake]` then `number = "+1-…"`: `env.number` in that flow). Anything else — not
/// TOML, tables inside tables, arrays — is refused with where.
public enum ValuesFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Values files are a few lines; anything this large is not one.
    static let maxSize = 1024 * 1024

    public static func load(name: String, path: String) throws(Failure) -> EnvironmentValues {
        let bytes: [UInt8]
        do {
            // The shared confined reader: a regular file only, never a FIFO or a link out, size first.
            bytes = try ConfinedDirectory.readFile(atPath: path, limit: maxSize)
        } catch {
            throw Failure(description: "\(path): cannot read the values of environment `\(name)`: \(error)")
        }
        return try parse(name: name, file: SourceFile(path: path, bytes: bytes))
    }

    public static func parse(name: String, file: SourceFile) throws(Failure) -> EnvironmentValues {
        let text = String(decoding: file.bytes, as: UTF8.self)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure(description: "\(file.path):\(error.source.begin.line):\(error.source.begin.column): error: not TOML: \(error.description)")
        } catch {
            throw Failure(description: "\(file.path): error: not TOML: \(error)")
        }
        let lines = keyLines(in: file)
        var values: [String: (text: String, line: Int)] = [:]
        var tables: Set<String> = []
        for key in table.keys.sorted() {
            let line = lines[key] ?? 1
            guard let value = table[key] else { continue }
            if let text = scalar(value) {
                values[key] = (text, line)
                continue
            }
            guard let lineTable = value.table else {
                throw Failure(description: "\(file.path):\(line): error: `\(key)` is not a single value; write `\(key) = \"…\"` (no arrays)")
            }
            tables.insert(key)
            for inner in lineTable.keys.sorted() {
                let qualified = "\(key).\(inner)"
                let innerLine = lines[qualified] ?? line
                guard let text = lineTable[inner].flatMap(scalar) else {
                    throw Failure(description: "\(file.path):\(innerLine): error: `\(inner)` in [\(key)] is not a single value; write `\(inner) = \"…\"` (no tables in tables, no arrays)")
                }
                values[qualified] = (text, innerLine)
            }
        }
        return EnvironmentValues(name: name, file: file, values: values, tables: tables)
    }

    /// A values file holding these strings, written by TOMLKit (keys in sorted order), as the
    /// table `[line]` when a line is named.
    public static func render(_ values: [String: String], line: String? = nil) -> String {
        let table = TOMLTable()
        for key in values.keys.sorted() { table[key] = values[key] }
        guard let line else { return table.convert(to: .toml) + "\n" }
        let file = TOMLTable()
        file[line] = table
        return file.convert(to: .toml) + "\n"
    }

    private static func scalar(_ value: TOMLValueConvertible) -> String? {
        if let string = value.string { return string }
        if let integer = value.int { return String(integer) }
        if let bool = value.bool { return String(bool) }
        if let double = value.double { return String(double) }
        return nil
    }

    /// The line each key is written on (a table's keys as `table.key`, the table itself on its
    /// `[table]` line), in one pass (a values file may hold many keys).
    private static func keyLines(in file: SourceFile) -> [String: Int] {
        var lines: [String: Int] = [:]
        var section: String?
        for line in 1...max(1, file.lineStarts.count) {
            let text = file.lineText(line).drop { $0 == " " || $0 == "\t" }
            if text.hasPrefix("["), let end = text.firstIndex(of: "]") {
                let name = unquoted(text[text.index(after: text.startIndex)..<end].trimmingCharacters(in: .whitespaces))
                section = name
                if lines[name] == nil { lines[name] = line }
                continue
            }
            guard let equals = text.firstIndex(of: "="), !text.hasPrefix("#") else { continue }
            let key = unquoted(text[..<equals].trimmingCharacters(in: .whitespaces))
            let qualified = section.map { "\($0).\(key)" } ?? key
            if lines[qualified] == nil { lines[qualified] = line }
        }
        return lines
    }

    private static func unquoted(_ key: String) -> String {
        key.count >= 2 && key.hasPrefix("\"") && key.hasSuffix("\"") ? String(key.dropFirst().dropLast()) : key
    }

}
