import Foundation
import IVRCheck
import IVRLang
import IVRReport
import IVRTestSupport
import Testing

/// A waived finding stays visible to auditors in SARIF: a suppressed result with the reason.
@Suite struct SARIFSuppressionTests {
    static let source = """
        flow line
          number +1-800-555-0157
          step welcome
            say "Hello."
            # ivrc: allow no-shouting -- the brand name is written in capitals
            say "ACME"
            say "WELCOME"

        """

    @Test func waivedFindingsAreSuppressedResultsWithTheReason() throws {
        let result = Checker.check([SourceFile(path: "line.ivr", text: Self.source)], rules: [ShoutingRule()])
        #expect(result.diagnostics.map(\.id) == ["no-shouting"])
        #expect(result.waived.map(\.waiver.reason) == ["the brand name is written in capitals"])
        let sarif = SARIFReport(rules: [ShoutingRule().description], toolVersion: "test")
            .render(result.diagnostics, waived: result.waived)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let suppressed = results.compactMap { $0["suppressions"] as? [[String: Any]] }
        #expect(suppressed.count == 1)
        #expect(suppressed.first?.first?["kind"] as? String == "inSource")
        #expect(suppressed.first?.first?["justification"] as? String == "the brand name is written in capitals")
        let outcome = try SARIFSchemaTests.validate(sarif)
        try #require(outcome != nil, "python3 with jsonschema is needed to validate SARIF")
        #expect(outcome?.0 == 0, "SARIF schema violations:\n\(outcome?.1 ?? "")")
    }
}
