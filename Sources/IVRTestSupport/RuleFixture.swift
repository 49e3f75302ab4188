import Foundation
import IVRCheck
import IVRLang

/// A flow under `Tests/IVRCheckTests/Fixtures/` as a designer might write it, breaking exactly
/// the rule it declares. One table drives the library's fixture tests and the CLI's.
public struct RuleFixture: Sendable, CustomStringConvertible {
    /// Checked together (a dial cycle needs both of its flows).
    public let files: [String]
    public let rule: String

    public init(_ files: [String], breaks rule: String) {
        self.files = files
        self.rule = rule
    }

    public static let folder = Repository.tests("IVRCheckTests/Fixtures")

    /// Every fixture that breaks one rule, in `ivrc rules` order. `plan_templates.ivr` breaks
    /// three and is tested on its own.
    public static let all: [RuleFixture] = [
        RuleFixture(["recording_before_disclosure.ivr"], breaks: "recording-disclosure"),
        RuleFixture(["recording_unsaved.ivr"], breaks: "recording-unsaved"),
        RuleFixture(["no_emergency_step.ivr"], breaks: "emergency-route"),
        RuleFixture(["emergency_not_one_key_away.ivr"], breaks: "emergency-reachable"),
        RuleFixture(["emergency_without_fallback.ivr"], breaks: "emergency-live-dial"),
        RuleFixture(["dials_own_number.ivr"], breaks: "dial-loopback"),
        RuleFixture(["dial_cycle_a.ivr", "dial_cycle_b.ivr"], breaks: "dial-cycle"),
        RuleFixture(["duplicate_number.ivr"], breaks: "duplicate-number"),
        RuleFixture(["invalid_number.ivr"], breaks: "invalid-number"),
        RuleFixture(["silent_loop.ivr"], breaks: "silent-loop"),
        RuleFixture(["unreachable_step.ivr"], breaks: "unreachable-step"),
        RuleFixture(["unreachable_code.ivr"], breaks: "unreachable-code"),
        RuleFixture(["menu_without_fallback.ivr"], breaks: "menu-fallback"),
        RuleFixture(["gather_without_timeout.ivr"], breaks: "gather-timeout"),
        RuleFixture(["unknown_placeholder.ivr"], breaks: "unknown-placeholder"),
    ]

    /// The rule's severity, from the catalogue; nil for a rule it does not hold.
    public var severity: Severity? { RuleCatalog.rule(id: rule)?.description.severity }

    /// An error fixture fails `ivrc check`; a warning fixture fails only under `--strict`.
    public var failsCheck: Bool { severity == .error }

    public var paths: [String] { files.map { Self.folder.appendingPathComponent($0).path } }

    /// The files as sources, named as in the folder.
    public func sources() throws -> [SourceFile] {
        try files.map(Self.source)
    }

    public static func source(_ name: String) throws -> SourceFile {
        try Repository.source("Tests/IVRCheckTests/Fixtures/\(name)", as: name)
    }

    public var description: String { files.joined(separator: " + ") }
}
