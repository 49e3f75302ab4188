import Foundation
import IVRCheck
import IVRTestSupport
import Testing

/// Every id the front end can report has a description, so SARIF's rule table and
/// `ivrc explain` cover it. The ids are read from the sources, as a reviewer would grep them.
@Suite struct FrontEndCatalogueTests {
    static let sources = Repository.file("Sources")

    static func reportedIDs() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"(?:error|report)\(\s*"([a-z]+(?:-[a-z]+)*)""#)
        var ids = Set<String>()
        for module in ["IVRLang", "IVRCheck/Resolve"] {
            let directory = sources.appendingPathComponent(module)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text) { ids.insert(String(text[range])) }
                }
            }
        }
        return ids
    }

    @Test func everyReportedIDIsDescribed() throws {
        let ids = try Self.reportedIDs()
        #expect(ids.count >= 15)
        let described = Set(FrontEndDiagnostics.all.map(\.id))
        #expect(ids.subtracting(described).isEmpty, "undescribed ids: \(ids.subtracting(described).sorted())")
    }

    @Test func descriptionsAreComplete() {
        for entry in FrontEndDiagnostics.all {
            #expect(!entry.summary.isEmpty && !entry.explanation.isEmpty, "\(entry.id)")
        }
        let ids = FrontEndDiagnostics.all.map(\.id)
        #expect(ids.count == Set(ids).count)
    }
}
