import Foundation
import IVRCheck
import IVRLang
import Testing

/// Runs rules over sources the way `ivrc check` does, for the rule tests.
enum RuleTesting {
    /// Diagnostics carrying `rule`'s id, from checking `sources` (one file each) with that rule alone.
    static func findings(_ rule: any Rule, _ sources: String...) -> [Diagnostic] {
        findings(rule, files: sources.enumerated().map { SourceFile(path: "test\($0.offset).ivr", text: $0.element) })
    }

    static func findings(_ rule: any Rule, files: [SourceFile]) -> [Diagnostic] {
        Checker.check(files, rules: [rule]).diagnostics.filter { $0.id == rule.description.id }
    }

    /// Everything the front end and every rule report.
    static func allDiagnostics(_ files: [SourceFile]) -> [Diagnostic] {
        Checker.check(files).diagnostics
    }

    /// Diagnostics from parsing and resolving alone, with no graph rule run.
    static func frontEndDiagnostics(_ text: String) -> [Diagnostic] {
        Checker.check([SourceFile(path: "example.ivr", text: text)], rules: []).diagnostics
    }

    /// Human-readable findings for failure messages.
    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.span.start.line):\($0.span.start.column) \($0.id): \($0.message)" }.joined(separator: "\n")
    }
}
