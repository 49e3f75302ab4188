import IVRCheck
import IVRLang
import IVRTestSupport
import Testing

/// The shipped examples are the onboarding plan's lines written compliantly: nothing to report.
@Suite struct ExampleFlowsTests {
    @Test(arguments: ["patient_intake.ivr", "driver_emergency.ivr"])
    func exampleIsClean(name: String) throws {
        let diagnostics = RuleTesting.allDiagnostics([try ExampleFlows.source(name)])
        #expect(diagnostics.isEmpty, "\(name):\n\(RuleTesting.describe(diagnostics))")
    }

    @Test func examplesAreCleanCompiledTogether() throws {
        let files = try ["patient_intake.ivr", "driver_emergency.ivr"].map(ExampleFlows.source)
        let diagnostics = RuleTesting.allDiagnostics(files)
        #expect(diagnostics.isEmpty, "\(RuleTesting.describe(diagnostics))")
    }
}
