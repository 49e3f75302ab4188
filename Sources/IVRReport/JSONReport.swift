import IVRBundle
import IVRCheck
import IVRLang

/// `--format json`: one document listing every diagnostic with its full span, rule id, help
/// and related locations (from notes), and for `ivrc test` each test's result. Keys are
/// sorted; a missing help is left out.
public struct JSONReport: Sendable {
    public static let formatVersion = 1
    public let toolVersion: String

    public init(toolVersion: String) {
        self.toolVersion = toolVersion
    }

    struct Document: Encodable {
        let formatVersion: Int
        let tool: String
        let toolVersion: String
        let errors: Int
        let warnings: Int
        let diagnostics: [Entry]
        /// `ivrc test` only.
        let tests: [TestResult]?
    }

    struct Entry: Encodable {
        let file: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let severity: String
        let rule: String
        let message: String
        let help: String?
        let related: [Related]
        /// Machine-applicable fixes; left out when there are none.
        let fixes: [Fix]?
    }

    struct Fix: Encodable {
        let message: String
        let changes: [Change]
    }

    struct Change: Encodable {
        let file: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let replacement: String
    }

    struct Related: Encodable {
        let file: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let message: String
    }

    public func render(_ diagnostics: [Diagnostic], tests: [TestResult]? = nil) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let document = Document(
            formatVersion: Self.formatVersion, tool: "ivrc", toolVersion: toolVersion,
            errors: errors, warnings: diagnostics.count - errors,
            diagnostics: diagnostics.map(entry), tests: tests)
        return DeterministicJSON.string(document)
    }

    private func entry(_ diagnostic: Diagnostic) -> Entry {
        let span = diagnostic.span
        return Entry(
            file: span.file, line: span.start.line, column: span.start.column,
            endLine: span.end.line, endColumn: span.end.column,
            severity: diagnostic.severity.rawValue, rule: diagnostic.id, message: diagnostic.message,
            help: diagnostic.help,
            related: diagnostic.notes.map { note in
                Related(file: note.span.file, line: note.span.start.line, column: note.span.start.column,
                        endLine: note.span.end.line, endColumn: note.span.end.column, message: note.message)
            },
            fixes: diagnostic.fixIts.isEmpty ? nil : diagnostic.fixIts.map { fix in
                Fix(message: fix.message, changes: fix.changes.map { change in
                    Change(file: change.span.file, line: change.span.start.line, column: change.span.start.column,
                           endLine: change.span.end.line, endColumn: change.span.end.column, replacement: change.replacement)
                })
            })
    }
}
