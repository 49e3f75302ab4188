import IVRCheck
import IVRLang
import TeXMLSchema
import Testing

/// `ivrc explain statements` accounts for every element of the TeXML schema exactly once.
@Suite struct StatementCatalogTests {
    @Test func everySchemaElementIsAStatementOrSaysWhyNot() throws {
        let vocabulary = try TeXMLVocabulary.bundled.get()
        let listed = (StatementCatalog.statements + StatementCatalog.genericVerbs + StatementCatalog.notStatements).compactMap(\.element)
        #expect(Set(listed) == Set(vocabulary.elements.keys).subtracting(["Response"]))
        let notStatements = StatementCatalog.notStatements.compactMap(\.element)
        #expect(Set(notStatements).count == notStatements.count)
    }

    @Test func everyListedStatementResolves() {
        for entry in StatementCatalog.genericVerbs {
            let found = RuleTesting.frontEndDiagnostics("flow f\n  number +1-800-555-0100\n  step s\n    \(entry.name)\n      stream\n")
            #expect(!found.contains { $0.id == "unknown-statement" }, "\(entry.name): \(RuleTesting.describe(found))")
        }
    }

    @Test(arguments: ["transcription", "siprec", "ai-gather", "number"])
    func aNotStatementSaysWhyWhereItIsWritten(_ keyword: String) throws {
        let found = RuleTesting.frontEndDiagnostics("flow f\n  number +1-800-555-0100\n  step s\n    \(keyword)\n")
        let finding = try #require(found.first { $0.id == "unknown-statement" })
        let entry = try #require(StatementCatalog.notStatements.first { $0.name == keyword })
        #expect(finding.help == entry.summary)
    }
}
