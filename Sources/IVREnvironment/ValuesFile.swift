import Foundation
import IVRCheck
import IVRLang
import TOMLKit

/// Reads an environment's values file: TOML with one `key = value` per line (strings,
/// numbers, booleans). Anything else — not TOML, tables, arrays — is refused with where.
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
        for key in table.keys.sorted() {
            let line = lines[key] ?? 1
            guard let value = table[key], let text = scalar(value) else {
                throw Failure(description: "\(file.path):\(line): error: `\(key)` is not a single value; write `\(key) = \"…\"` (no tables or arrays)")
            }
            values[key] = (text, line)
        }
        return EnvironmentValues(name: name, file: file, values: values)
    }

    /// A values file holding these strings, written by TOMLKit (keys in sorted order).
    public static func render(_ values: [String: String]) -> String {
        let table = TOMLTable()
        for key in values.keys.sorted() { table[key] = values[key] }
        return table.convert(to: .toml) + "\n"
    }

    private static func scalar(_ value: TOMLValueConvertible) -> String? {
        if let string = value.string { return string }
        if let integer = value.int { return String(integer) }
        if let bool = value.bool { return String(bool) }
        if let double = value.double { return String(double) }
        return nil
    }

    /// The line each top-level key is written on, in one pass (a values file may hold many keys).
    private static func keyLines(in file: SourceFile) -> [String: Int] {
        var lines: [String: Int] = [:]
        for line in 1...max(1, file.lineStarts.count) {
            let text = file.lineText(line).drop { $0 == " " || $0 == "\t" }
            guard let equals = text.firstIndex(of: "="), !text.hasPrefix("#"), !text.hasPrefix("[") else { continue }
            var key = text[..<equals].trimmingCharacters(in: .whitespaces)
            if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = String(key.dropFirst().dropLast()) }
            if lines[key] == nil { lines[key] = line }
        }
        return lines
    }

}
