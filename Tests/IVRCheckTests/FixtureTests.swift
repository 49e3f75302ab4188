import IVRCheck
import IVRLang
import Testing

/// Broken flows as a designer might write them: each breaks exactly the rule it is named after.
@Suite struct FixtureTests {
    @Test(arguments: [
        (["recording_before_disclosure.ivr"], "recording-disclosure"),
        (["no_emergency_step.ivr"], "emergency-route"),
        (["emergency_not_one_key_away.ivr"], "emergency-reachable"),
        (["emergency_without_fallback.ivr"], "emergency-live-dial"),
        (["dials_own_number.ivr"], "dial-loopback"),
        (["dial_cycle_a.ivr", "dial_cycle_b.ivr"], "dial-cycle"),
        (["duplicate_number.ivr"], "duplicate-number"),
        (["invalid_number.ivr"], "invalid-number"),
        (["silent_loop.ivr"], "silent-loop"),
        (["unreachable_step.ivr"], "unreachable-step"),
        (["unreachable_code.ivr"], "unreachable-code"),
        (["menu_without_fallback.ivr"], "menu-fallback"),
        (["unknown_placeholder.ivr"], "unknown-placeholder"),
        (["gather_without_timeout.ivr"], "gather-timeout"),
        (["recording_unsaved.ivr"], "recording-unsaved"),
    ])
    func fixtureBreaksOnlyItsRule(files: [String], id: String) throws {
        let diagnostics = RuleTesting.allDiagnostics(try files.map(RuleTesting.fixture))
        #expect(!diagnostics.isEmpty)
        #expect(Set(diagnostics.map(\.id)) == [id], "\(RuleTesting.describe(diagnostics))")
    }

    @Test func dialCycleFilesAreEachCleanAlone() throws {
        for name in ["dial_cycle_a.ivr", "dial_cycle_b.ivr"] {
            #expect(RuleTesting.allDiagnostics([try RuleTesting.fixture(name)]).isEmpty)
        }
    }

    /// The onboarding plan's lines as first drafted: recording before the disclosure (and
    /// delivered nowhere) on both lines, and each line "transferring" to its own inbound number.
    @Test func planTemplatesRecordBeforeDisclosureAndDialTheirOwnNumbers() throws {
        let diagnostics = RuleTesting.allDiagnostics([try RuleTesting.fixture("plan_templates.ivr")])
        let byRule = Dictionary(grouping: diagnostics, by: \.id).mapValues { $0.map(\.span.start.line) }
        #expect(byRule == ["recording-disclosure": [21, 39], "recording-unsaved": [21, 39], "dial-loopback": [24, 42]],
                "\(RuleTesting.describe(diagnostics))")
    }
}
