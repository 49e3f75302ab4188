import Foundation
import IVRCheck
import IVRLang
import IVRTestSupport
import Testing

/// Broken flows as a designer might write them: each breaks exactly the rule it declares
/// (`RuleFixture.all`, the table `BrokenFixtureCLITests` runs through the CLI too).
@Suite struct FixtureTests {
    @Test(arguments: RuleFixture.all)
    func fixtureBreaksOnlyItsRule(_ fixture: RuleFixture) throws {
        let diagnostics = RuleTesting.allDiagnostics(try fixture.sources())
        #expect(!diagnostics.isEmpty)
        #expect(Set(diagnostics.map(\.id)) == [fixture.rule], "\(RuleTesting.describe(diagnostics))")
    }

    /// A fixture added to the folder declares its rule in the table (or is tested on its own here).
    @Test func everyFixtureIsInTheTable() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: RuleFixture.folder.path).filter { $0.hasSuffix(".ivr") }
        let declared = RuleFixture.all.flatMap(\.files) + ["plan_templates.ivr"]
        #expect(Set(onDisk) == Set(declared))
        #expect(RuleFixture.all.allSatisfy { $0.severity != nil }, "every declared rule is in the catalogue")
    }

    @Test func dialCycleFilesAreEachCleanAlone() throws {
        for name in ["dial_cycle_a.ivr", "dial_cycle_b.ivr"] {
            #expect(RuleTesting.allDiagnostics([try RuleFixture.source(name)]).isEmpty)
        }
    }

    /// The onboarding plan's lines as first drafted: recording before the disclosure (and
    /// delivered nowhere) on both lines, and each line "transferring" to its own inbound number.
    @Test func planTemplatesRecordBeforeDisclosureAndDialTheirOwnNumbers() throws {
        let diagnostics = RuleTesting.allDiagnostics([try RuleFixture.source("plan_templates.ivr")])
        let byRule = Dictionary(grouping: diagnostics, by: \.id).mapValues { $0.map(\.span.start.line) }
        #expect(byRule == ["recording-disclosure": [21, 39], "recording-unsaved": [21, 39], "dial-loopback": [24, 42]],
                "\(RuleTesting.describe(diagnostics))")
    }
}
