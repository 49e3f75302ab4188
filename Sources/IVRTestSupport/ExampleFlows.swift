import Foundation
import IVRLang

/// The flows under `examples/`, read as `ivrc check examples` reads them: every `*.ivr` at
/// the top of the folder, sorted, each named `examples/NAME.ivr`.
public enum ExampleFlows {
    public static func sources() throws -> [SourceFile] {
        try FileManager.default.contentsOfDirectory(atPath: Repository.examples.path)
            .filter { $0.hasSuffix(".ivr") }.sorted()
            .map(source)
    }

    /// One file under `examples/` (`"modules/acme_freight.ivr"` reaches into a folder).
    public static func source(_ name: String) throws -> SourceFile {
        try Repository.source("examples/\(name)")
    }
}
