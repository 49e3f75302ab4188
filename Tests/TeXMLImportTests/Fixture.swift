import Foundation
import TeXMLImport
import Testing

/// Reads files from the test bundle's Fixtures folder.
enum Fixture {
    static func data(_ name: String, _ ext: String = "xml") throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"),
                               "missing fixture \(name).\(ext)")
        return try Data(contentsOf: url)
    }

    static func file(_ name: String) throws -> TeXMLFile {
        TeXMLFile(path: "\(name).xml", data: try data(name))
    }
}
