import Foundation
import IVRLang

/// Parses caller events written one per line (`--script FILE`) or as a key list (`--press 1,9`).
/// The syntax is the test blocks' event syntax: `press 9`, `speak "billing"`, `silence`, …
public enum CallerScript {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// One event per line; blank lines and `#` comments are skipped.
    public static func parse(_ text: String) throws -> [CallerEvent] {
        var events: [CallerEvent] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            do {
                events.append(try parseEvent(line))
            } catch let failure as Failure {
                throw Failure(description: "line \(number + 1): \(failure.description)")
            }
        }
        return events
    }

    /// `1,9,12#` → press 1, press 9, press 12#.
    public static func parsePresses(_ list: String) throws -> [CallerEvent] {
        try list.split(separator: ",").map { item in
            let keys = item.trimmingCharacters(in: .whitespaces)
            guard CallerEvent.isDTMF(keys) else {
                throw Failure(description: "`\(keys)` is not a key sequence (use 0-9, * and #)")
            }
            return .press(keys)
        }
    }

    static func parseEvent(_ line: String) throws -> CallerEvent {
        let keyword = String(line.prefix { !$0.isWhitespace })
        let argument = line.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
        if let bare = CallerEvent.bareKeywords[keyword] {
            guard argument.isEmpty else { throw Failure(description: "`\(keyword)` takes no argument") }
            return bare
        }
        switch keyword {
        case "press":
            let keys = argument.count >= 2 && argument.hasPrefix("\"") && argument.hasSuffix("\"")
                ? String(argument.dropFirst().dropLast()) : argument
            guard CallerEvent.isDTMF(keys) else {
                throw Failure(description: "`press` needs keys (0-9, * and #), e.g. `press 9`")
            }
            return .press(keys)
        case "speak":
            guard argument.count >= 2, argument.hasPrefix("\""), argument.hasSuffix("\"") else {
                throw Failure(description: "`speak` needs a quoted phrase, e.g. `speak \"billing\"`")
            }
            return .speak(String(argument.dropFirst().dropLast()))
        case "respond":
            return try parseRespond(argument)
        default:
            throw Failure(description: "unknown event `\(keyword)`; expected one of \((CallerEvent.keywords + ["respond"]).sorted().joined(separator: ", "))")
        }
    }

    /// `with NAME="VALUE" …` or `failed`, read with the language's own tokens (its string escapes).
    private static func parseRespond(_ argument: String) throws -> CallerEvent {
        if argument == "failed" { return .lookupFailed }
        let usage = "`respond` needs the answer's fields, e.g. `respond with eta=\"12\"`, or `respond failed`"
        let tokens = Lexer.tokenize(SourceFile(path: "script", text: argument)).tokens.filter { $0.kind != .newline && $0.kind != .end }
        guard tokens.first?.kind == .word, tokens.first?.text == "with", (tokens.count - 1) % 3 == 0 else { throw Failure(description: usage) }
        var fields: [String: String] = [:]
        for start in stride(from: 1, to: tokens.count, by: 3) {
            let (name, equals, value) = (tokens[start], tokens[start + 1], tokens[start + 2])
            guard name.kind == .word, equals.kind == .equals, value.kind == .string else { throw Failure(description: usage) }
            fields[name.text] = value.text
        }
        return .respond(fields)
    }

    /// `#` is a key too, so only a `#` at the start of a line or after a space starts a comment.
    private static func stripComment(_ line: String) -> String {
        var previous: Character = " "
        var inString = false
        for (offset, character) in line.enumerated() {
            if character == "\"" { inString.toggle() }
            if character == "#" && !inString && previous.isWhitespace {
                return String(line.prefix(offset))
            }
            previous = character
        }
        return line
    }
}
