import Foundation
import IVRBundle
import IVREnvironment
import IVRLang
import IVRTestSupport
import TeXMLEmit
import Testing

/// Each example and each small flow under Golden/ compiles to exactly the checked-in
/// documents and manifest, byte for byte; a `NAME.toml` beside `NAME.ivr` is the environment
/// it is built for (`--env`). Regenerate on purpose with `IVRC_UPDATE_GOLDEN=1`.
@Suite struct BundleGoldenTests {
    static let goldenDirectory = Repository.tests("TeXMLEmitTests/Golden")

    /// `examples` (both example flows compiled together) plus every `Golden/*.ivr`.
    static var cases: [String] {
        let inputs = (try? FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)) ?? []
        return ["examples"] + inputs.filter { $0.hasSuffix(".ivr") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test(arguments: cases)
    func bundleMatchesGolden(_ name: String) throws {
        let sources = name == "examples"
            ? try ExampleFlows.sources()
            : [SourceFile(path: "\(name).ivr", bytes: [UInt8](try Data(contentsOf: Self.goldenDirectory.appendingPathComponent("\(name).ivr"))))]
        let valuesPath = Self.goldenDirectory.appendingPathComponent("\(name).toml").path
        let environment = FileManager.default.fileExists(atPath: valuesPath)
            ? try ValuesFile.load(name: name, path: valuesPath) : nil
        let checked = try Compile.checked(sources, environment: environment)
        let bundle = try Compiler.compile(checked.graph)
        let expected = Self.goldenDirectory.appendingPathComponent(name + ".bundle")
        var files = bundle.documents
        files["manifest.json"] = BundleWriter.manifest(
            for: bundle, compilerVersion: "golden", waivers: [],
            environment: environment.map { Manifest.Environment($0, used: checked.environmentUsed) }).encoded
        try Golden.compare(files, withDirectory: expected)
    }
}
