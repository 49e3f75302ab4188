import Foundation
import IVRCheck
import IVRTestSupport
import TeXMLImport
import Testing

/// Every id `validate` and `import` report is described, so `ivrc explain` and SARIF know it.
@Suite struct TeXMLCatalogueTests {
    static let sources = Repository.file("Sources/TeXMLImport")

    @Test func everyReportedIDIsDescribed() throws {
        let pattern = try NSRegularExpression(pattern: #"\.(?:error|warning)\(\s*"([a-z]+(?:-[a-z]+)*)""#)
        var ids = Set<String>()
        let enumerator = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: Self.sources.appendingPathComponent(relative), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { ids.insert(String(text[range])) }
            }
        }
        #expect(ids.count >= 6)
        let described = Set((TeXMLDiagnostics.all + RuleCatalog.descriptions).map(\.id))
        #expect(ids.subtracting(described).isEmpty, "undescribed ids: \(ids.subtracting(described).sorted())")
    }
}
