import Foundation
import Testing

/// `ivrc build` never writes a bundle `ivrc serve` refuses: a few KB of modules that double,
/// eight languages and `tries=10` are counted before lowering and refused at the flow, with a
/// note at the `use` whose copies weigh most.
@Suite struct BundleLimitCLITests {
    static let languages = ["en-US", "es-MX", "fr-FR", "de-DE", "it-IT", "pt-BR", "nl-NL", "ja-JP"]
    static let prompt = "https://example.com/prompt.mp3"

    /// Modules `m0`…`m11`, each using the next twice: 4,095 copies of a ten-try menu step.
    static var hostile: String {
        let modules = (0...11).map { level -> String in
            let uses = level == 11 ? "" : "  use m\(level + 1) as a\n  use m\(level + 1) as b\n"
            let (one, two) = level == 11 ? ("s", "s") : ("a.s", "b.s")
            return "module m\(level)\n\(uses)  step s\n    menu tries=10\n      play \(prompt)\n"
                + "      on 1 -> \(one)\n      on 2 -> \(two)\n      on timeout -> \(one)\n      on invalid -> \(two)\n\n"
        }.joined()
        let choices = languages.dropFirst().enumerated().map { "      on \($0.offset + 1) language=\($0.element) -> m0.s\n" }.joined()
        return modules + "flow hostile\n  number +1-800-555-0100\n  languages \(languages.joined(separator: " "))\n  use m0\n\n"
            + "  step welcome\n    menu\n      play \(prompt)\n\(choices)      on timeout -> m0.s\n      on invalid -> m0.s\n"
    }

    @Test func aSourceThatWouldWriteTooManyDocumentsIsRefusedBeforeLowering() throws {
        #expect(Self.hostile.utf8.count < 6_000)
        try FormatCommandTests.withFiles(["hostile.ivr": Self.hostile]) { directory in
            let output = directory.appendingPathComponent("bundle")
            let run = try CLITests.ivrc(["build", directory.appendingPathComponent("hostile.ivr").path, "-o", output.path], timeout: 120)
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("bundle-limit"), "\(run.stderr)")
            #expect(run.stderr.contains("flow `hostile` would write"), "\(run.stderr)")
            let flowLine = Self.hostile.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex(of: "flow hostile").map { $0 + 1 } ?? 0
            #expect(run.stderr.contains("hostile.ivr:\(flowLine):6"), "\(run.stderr)")
            #expect(run.stderr.contains("copies of the module taken in here"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
