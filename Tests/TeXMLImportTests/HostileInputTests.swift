import Foundation
import TeXMLImport
import TeXMLSchema
import Testing

/// Hostile files through `validate` and `import`: each is refused as a whole with one
/// `unsafe-xml` error (exit status 1 on the command line: a refused file is a finding about
/// the file, not a usage error), and nothing it names is read.
@Suite struct HostileInputTests {
    @Test(arguments: ["xxe", "billion_laughs", "external_dtd"])
    func doctypeIsRefused(name: String) throws {
        let result = TeXMLValidation().validate([try Fixture.file(name)])
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.id == "unsafe-xml")
        #expect(diagnostic.span.start.line == 2)
        #expect(diagnostic.message.contains("DOCTYPE declaration is not allowed"))
        #expect(!diagnostic.message.contains("root:"))  // nothing from /etc/passwd
        #expect(TeXMLImporter.importFlow([try Fixture.file(name)]).source.isEmpty)
    }

    @Test func fiftyMegabytesAreRefusedUnparsed() {
        let say = Data("<Say>0123456789012345678901234567890123456789</Say>\n".utf8)
        var document = Data("<Response>\n".utf8)
        document.reserveCapacity(50 * 1024 * 1024 + say.count)
        while document.count < 50 * 1024 * 1024 { document.append(say) }
        document.append(Data("</Response>\n".utf8))
        let result = TeXMLValidation().validate([TeXMLFile(path: "big.xml", data: document)])
        #expect(result.diagnostics.map(\.id) == ["unsafe-xml"])
        #expect(result.diagnostics.first?.message.contains("\(document.count) bytes, more than the 10485760-byte limit") == true)
        // The refused file's bytes are not kept for quoting.
        #expect(result.sources.first?.bytes.isEmpty == true)
    }

    @Test func unreadFileIsRefusedBySize() {
        let result = TeXMLValidation().validate([TeXMLFile.unread(path: "huge.xml", byteCount: 52_428_800)])
        #expect(result.diagnostics.map(\.id) == ["unsafe-xml"])
        #expect(result.diagnostics.first?.message.contains("52428800 bytes") == true)
    }

    @Test func deepNestingIsRefusedAtTheLimit() {
        let depth = 100_000
        let document = String(repeating: "<a>\n", count: depth) + String(repeating: "</a>", count: depth)
        let result = TeXMLValidation().validate([TeXMLFile(path: "deep.xml", data: Data(document.utf8))])
        #expect(result.diagnostics.map(\.id) == ["unsafe-xml"])
        #expect(result.diagnostics.first?.span.start.line == 65)
        #expect(result.diagnostics.first?.message.contains("more than 64 levels") == true)
    }

    @Test func malformedXMLIsReportedWithItsLine() {
        let result = TeXMLValidation().validate([TeXMLFile(path: "bad.xml", data: Data("<Response>\n<Say>hi</Response>\n".utf8))])
        #expect(result.diagnostics.first?.id == "malformed-xml")
        #expect(result.diagnostics.first?.span.start.line == 2)
    }
}
