import Foundation
import TeXMLImport

/// One fuzz input as a TeXML file through `validate` and `import`.
public enum TeXMLPipeline {
    public static func run(_ bytes: [UInt8]) {
        let file = TeXMLFile(path: "fuzz.xml", data: Data(bytes))
        _ = TeXMLValidation().validate([file])
        _ = TeXMLImporter.importFlow([file])
    }
}
