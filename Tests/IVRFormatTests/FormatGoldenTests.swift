import Foundation
import IVRFormat
import IVRLang
import IVRTestSupport
import Testing

/// Messy inputs next to their formatted text (`NAME.ivr` → `NAME.formatted`), compared
/// byte for byte. Regenerate on purpose with `IVRC_UPDATE_GOLDEN=1 swift test`.
@Suite struct FormatGoldenTests {
    static var inputs: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.golden.path))?
            .filter { $0.hasSuffix(".ivr") }.sorted() ?? []
    }

    @Test(arguments: inputs)
    func matchesGolden(_ name: String) throws {
        let input = Fixtures.golden.appendingPathComponent(name)
        let formatted = try Fixtures.format(Fixtures.read(input, as: name))
        let expected = input.deletingPathExtension().appendingPathExtension("formatted")
        try Golden.compare(formatted, with: expected)
    }

    @Test func goldenInputsExist() {
        #expect(Self.inputs.count >= 2)
    }
}
