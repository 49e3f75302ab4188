import Foundation
import IVRTestSupport
import Testing

/// Every `DiagnosticID` declared anywhere in Sources is one `ivrc explain` lists (and so SARIF's
/// rule table too). Emit sites take only declared constants, so this closes the catalogue.
@Suite struct DiagnosticCatalogueCLITests {
    static let sources = Repository.file("Sources")

    /// Ids declared as `static let NAME = DiagnosticID("id"` in every module but test support.
    static func declaredIDs() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"static let \w+ = DiagnosticID\(\s*"([a-z]+(?:-[a-z]+)*)""#)
        var ids = Set<String>()
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !relative.hasPrefix("IVRTestSupport/") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { ids.insert(String(text[range])) }
            }
        }
        return ids
    }

    @Test func explainListsEveryDeclaredID() throws {
        let declared = try Self.declaredIDs()
        #expect(declared.count >= 70)
        let run = try CLITests.ivrc("explain")
        #expect(run.status == 0)
        let listed = Set(run.stdout.split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: " ").first.map(String.init)
        })
        #expect(declared.subtracting(listed).isEmpty, "declared but not listed: \(declared.subtracting(listed).sorted())")
        #expect(listed.subtracting(declared).subtracting(["`ivrc"]).isEmpty,
                "listed but not declared: \(listed.subtracting(declared).sorted())")
    }
}
