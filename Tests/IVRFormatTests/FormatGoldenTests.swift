import Foundation
import IVRFormat
import IVRLang
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
        if ProcessInfo.processInfo.environment["IVRC_UPDATE_GOLDEN"] == "1" {
            try Data(formatted.utf8).write(to: expected)
            return
        }
        let golden = try String(contentsOf: expected, encoding: .utf8)
        #expect(formatted == golden, "\(expected.lastPathComponent) differs; rerun with IVRC_UPDATE_GOLDEN=1 if intended")
    }

    @Test func goldenInputsExist() {
        #expect(Self.inputs.count >= 2)
    }
}
