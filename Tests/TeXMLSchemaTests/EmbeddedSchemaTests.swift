import Foundation
import TeXMLSchema
import Testing

/// The XSD compiled into ivrc must be texml.xsd exactly; `scripts/embed-resources` regenerates it.
@Suite struct EmbeddedSchemaTests {
    static let xsdFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/TeXMLSchema/Resources/texml.xsd")

    @Test func embeddedSchemaIsTexmlXSDByteForByte() throws {
        let file = try Data(contentsOf: Self.xsdFile)
        #expect(TeXMLSchemaResource.xsdData == file, "run scripts/embed-resources after editing texml.xsd")
    }

    @Test func embeddedSchemaLoads() throws {
        _ = try TeXMLSchemaValidator.bundled.get()
        _ = try TeXMLVocabulary.bundled.get()
    }
}
