import Foundation
import IVRTestSupport
import TeXMLSchema
import Testing

/// The XSD compiled into ivrc (SwiftPM `embedInCode`) is texml.xsd exactly.
@Suite struct EmbeddedSchemaTests {
    static let xsdFile = Repository.file("Sources/TeXMLSchema/Resources/texml.xsd")

    @Test func embeddedSchemaIsTexmlXSDByteForByte() throws {
        let file = try Data(contentsOf: Self.xsdFile)
        #expect(TeXMLSchemaResource.xsdData == file)
    }

    @Test func embeddedSchemaLoads() throws {
        _ = try TeXMLSchemaValidator.bundled.get()
        _ = try TeXMLVocabulary.bundled.get()
    }
}
