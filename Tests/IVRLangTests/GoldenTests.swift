import Foundation
import IVRLang
import IVRTestSupport
import Testing

/// Source → AST dump and source → diagnostics, compared byte for byte with checked-in files.
/// Regenerate on purpose with `IVRC_UPDATE_GOLDEN=1 swift test`.
@Suite struct ParserGoldenTests {
    static let directory = Repository.tests("IVRLangTests/Golden")

    static var inputs: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?
            .filter { $0.hasSuffix(".ivr") }.sorted() ?? []
    }

    @Test(arguments: inputs)
    func matchesGolden(_ name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        let source = SourceFile(path: name, bytes: [UInt8](try Data(contentsOf: url)))
        let parsed = Parser.parse(source)
        let rendered = DiagnosticRenderer(sources: [source]).render(parsed.diagnostics)
        try Golden.compare(ASTDump.dump(parsed), with: url.deletingPathExtension().appendingPathExtension("ast"))
        try Golden.compare(rendered, with: url.deletingPathExtension().appendingPathExtension("diagnostics"))
    }

    @Test func goldenInputsExist() {
        #expect(Self.inputs.count >= 5)
    }
}
