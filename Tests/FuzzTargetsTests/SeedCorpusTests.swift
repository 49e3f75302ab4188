import Foundation
import FuzzTargets
import IVRTestSupport
import Testing

/// The fuzz targets' seed corpus (what `scripts/fuzz` starts from) runs through the three
/// pipelines without tripping any of their internal checks.
@Suite struct SeedCorpusTests {
    static let root = Repository.root

    static func seeds(_ fileExtension: String) -> [URL] {
        var found: [URL] = []
        for top in ["examples", "Tests"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(top), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if url.pathExtension == fileExtension { found.append(url) }
            }
        }
        return found
    }

    @Test func everyFlowSeedRunsThroughTheSourcePipeline() throws {
        let seeds = Self.seeds("ivr")
        #expect(seeds.count > 20)
        for seed in seeds { SourcePipeline.run([UInt8](try Data(contentsOf: seed))) }
    }

    @Test func everyTeXMLSeedRunsThroughValidateAndImport() throws {
        let seeds = Self.seeds("xml")
        #expect(seeds.count > 10)
        for seed in seeds { TeXMLPipeline.run([UInt8](try Data(contentsOf: seed))) }
    }

    @Test func everyCallSeedIsAnsweredWithValidDocumentsOrRefusals() throws {
        let seeds = Self.seeds("requests")
        #expect(seeds.count > 5)
        for seed in seeds { AnswerPipeline.run([UInt8](try Data(contentsOf: seed))) }
    }
}
