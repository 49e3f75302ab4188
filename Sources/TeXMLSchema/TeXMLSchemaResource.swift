import Foundation

/// The bundled TeXML XSD: the one source of truth for validation and the vocabulary.
public enum TeXMLSchemaResource {
    public static func xsdData() throws -> Data {
        guard let url = Bundle.module.url(forResource: "texml", withExtension: "xsd") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "texml.xsd missing from the TeXMLSchema bundle"])
        }
        return try Data(contentsOf: url)
    }
}
