import Foundation
import TeXMLSchema
import Testing

/// Reads a file from the test bundle's Fixtures folder.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "xml", subdirectory: "Fixtures"),
                               "missing fixture \(name).xml")
        return try Data(contentsOf: url)
    }

    static func validator() throws -> TeXMLSchemaValidator {
        try TeXMLSchemaValidator.bundled.get()
    }
}
