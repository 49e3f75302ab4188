import Foundation
import IVRCheck
import IVRLang
import TeXMLImport
import Testing

/// The onboarding plan's two templates: what `validate` finds, and that `import` of the
/// hand-fixed variants compiles clean.
@Suite struct PlanTemplateTests {
    static let templates = [("plan_patient_intake", "+18005550157"), ("plan_driver_emergency", "+18885550162")]

    @Test(arguments: templates)
    func validateReportsTheTemplatesMistakes(name: String, number: String) throws {
        let result = TeXMLValidation(number: number).validate([try Fixture.file(name)])
        let found = result.diagnostics.map { "\($0.id)@\($0.span.start.line): \($0.message)" }
        #expect(result.diagnostics.contains { $0.id == "texml-schema" && $0.span.start.line == 5 && $0.message == "<Say> cannot go inside <Record>" }, "\(found)")
        #expect(result.diagnostics.contains { $0.id == "twiml-only" && $0.span.start.line == 4 && $0.message.contains("TeXML spells it `transcription`") }, "\(found)")
        #expect(result.diagnostics.contains { $0.id == "dial-loopback" && $0.span.start.line == 8 && $0.message.contains(number) }, "\(found)")
        #expect(result.diagnostics.contains { $0.id == "missing-action" && $0.span.start.line == 4 }, "\(found)")
        // The schema's own complaint about `transcribe` is replaced by the clearer TwiML one.
        #expect(!result.diagnostics.contains { $0.id == "texml-schema" && $0.message.contains("transcribe") }, "\(found)")
        #expect(result.hasErrors)
    }

    @Test func onlyTheDriverLineRecordsBeforeDisclosing() throws {
        let patient = TeXMLValidation().validate([try Fixture.file("plan_patient_intake")])
        let driver = TeXMLValidation().validate([try Fixture.file("plan_driver_emergency")])
        #expect(!patient.diagnostics.contains { $0.id == "recording-disclosure" })
        #expect(driver.diagnostics.contains { $0.id == "recording-disclosure" && $0.span.start.line == 4 })
    }

    @Test func loopbackNeedsTheNumber() throws {
        let result = TeXMLValidation().validate([try Fixture.file("plan_patient_intake")])
        #expect(!result.diagnostics.contains { $0.id == "dial-loopback" })
    }

    @Test func diagnosticsQuoteTheXMLLine() throws {
        let result = TeXMLValidation(number: "+18005550157").validate([try Fixture.file("plan_patient_intake")])
        let text = DiagnosticRenderer(sources: result.sources).render(result.diagnostics)
        #expect(text.contains("plan_patient_intake.xml:8:5: error[dial-loopback]"))
        #expect(text.contains(" 8 |     <Number>+18005550157</Number>"))
    }

    @Test(arguments: templates)
    func importedTemplateParsesAndKeepsItsVerbs(name: String, number: String) throws {
        let result = TeXMLImporter.importFlow([try Fixture.file(name)], options: .init(number: number))
        #expect(!result.hasErrors)
        let parsed = Parser.parse(SourceFile(path: "imported.ivr", text: result.source))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)\n\(result.source)")
        #expect(result.source.contains("record max="))
        #expect(result.source.contains("transcription=true"))
        #expect(result.source.contains("dial \(number)"))
        // The nested prompt cannot be carried over silently.
        #expect(result.diagnostics.contains { $0.id == "import-lossy" && $0.span.start.line == 5 })
    }

    @Test(arguments: [("plan_patient_intake_fixed", "+18005550157"), ("plan_driver_emergency_fixed", "+18885550162")])
    func importedFixedTemplateChecksClean(name: String, number: String) throws {
        let validation = TeXMLValidation(number: number).validate([try Fixture.file(name)])
        // What is left is the record's missing action, which the import resolves by continuing.
        #expect(validation.diagnostics.map(\.id) == ["missing-action"], "\(validation.diagnostics)")

        let result = TeXMLImporter.importFlow([try Fixture.file(name)], options: .init(number: number))
        let checked = Checker.check([SourceFile(path: "\(name).ivr", text: result.source)])
        #expect(!checked.hasErrors, "\(checked.diagnostics)\n\(result.source)")
        #expect(result.source.contains("disclose \""))
    }
}
