import Foundation
import IVRCheck
import IVRLang
import IVRRuntime
import IVRTestSupport
import Testing
@testable import IVRTemplates

/// The templates are tested like the examples (clean, every test passing) and as templates:
/// the compiled-in copy is the file in the repository, and instantiating fills what it says.
@Suite struct LineTemplateTests {
    @Test func theBinaryCarriesTheFilesByteForByte() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.file("templates").path)
            .filter { $0.hasSuffix(".ivr") }.sorted()
        #expect(files.map { String($0.dropLast(4)) } == LineTemplate.all.map(\.name), "rerun scripts/embed-resources")
        for template in LineTemplate.all {
            let onDisk = try String(contentsOf: Repository.file("templates/\(template.name).ivr"), encoding: .utf8)
            #expect(template.source == onDisk, "\(template.name): rerun scripts/embed-resources")
        }
        let workflow = try String(contentsOf: Repository.file("examples/ci/ivrc.yml"), encoding: .utf8)
        #expect(LineTemplate.ciWorkflow == workflow, "rerun scripts/embed-resources")
    }

    static func checkAndTest(_ text: String) throws -> (diagnostics: [Diagnostic], failures: [String], tests: Int) {
        let result = Checker.check([SourceFile(path: "line.ivr", text: text)])
        guard !result.hasErrors else { return (result.diagnostics, [], 0) }
        let program = try CallProgram.compiled(result.graph)
        let tests = result.graph.flows.flatMap { FlowTestParser.parse($0).tests }
        return (result.diagnostics, tests.compactMap { FlowTestRunner.run($0, in: program).failure }, tests.count)
    }

    @Test(arguments: LineTemplate.all.map(\.name))
    func everyTemplateChecksCleanAndPassesItsTests(_ name: String) throws {
        let template = try #require(LineTemplate.named(name))
        #expect(!template.parameters.isEmpty)
        let outcome = try Self.checkAndTest(template.source)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        #expect(outcome.tests >= 3)
    }

    @Test func instantiatingFillsNameNumberAndParameters() throws {
        let template = try #require(LineTemplate.named("healthcare"))
        let text = try template.instantiate(flow: "lakeview", number: "+1-312-555-0140",
                                            values: ["clinic": "Lakeview \"Family\" Dental", "nurse": "+1-312-555-0199"])
        #expect(text.hasPrefix("# A new line from the ivrc `healthcare` template"))
        #expect(text.contains("flow lakeview\n  number +1-312-555-0140\n"))
        #expect(text.contains(#"say "Thank you for calling Lakeview \"Family\" Dental.""#))
        #expect(text.contains("dial +1-312-555-0199 timeout=20s") && text.contains("expect dial +1-312-555-0199"))
        #expect(!text.contains("# param"))
        let outcome = try Self.checkAndTest(text)
        #expect(outcome.diagnostics.isEmpty && outcome.failures.isEmpty, "\(outcome)")
    }

    static let refused: [(String, String, [String: String], String)] = [
        ("9lives", "+1-312-555-0140", [:], "cannot name a flow"),
        ("line", "312-555-0140", [:], "international form"),
        ("line", "+1-312-555-0140", ["clinc": "x"], "did you mean `clinic`?"),
        ("line", "+1-312-555-0140", ["nurse": "call me"], "`nurse` must be a phone number"),
        ("line", "+1-312-555-0140", ["recordings": "ftp://x"], "http(s) URL"),
        ("line", "+1-312-555-0140", ["clinic": "two\nlines"], "text on one line"),
    ]

    @Test(arguments: refused)
    func badValuesAreRefused(_ flow: String, _ number: String, _ values: [String: String], _ message: String) throws {
        let template = try #require(LineTemplate.named("healthcare"))
        #expect {
            try template.instantiate(flow: flow, number: number, values: values)
        } throws: { ($0 as? LineTemplate.Failure)?.description.contains(message) == true }
    }
}
