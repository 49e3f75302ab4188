import Foundation
import Testing

/// `ivrc import` takes only TeXML, and only bundle documents the compiler wrote.
@Suite struct ImportRefusalCLITests {
    static func importing(_ document: String) throws -> CLITests.Run {
        var result: CLITests.Run?
        try HostileInputCLITests.withFile("document.xml", document) { file in
            result = try CLITests.ivrc("import", file.path)
        }
        return try #require(result)
    }

    @Test(arguments: [
        (#"<Response xmlns="urn:x"><Hangup/></Response>"#, #"<Response xmlns="urn:x">"#),
        ("<html><body><Hangup/></body></html>", "<html>"),
    ])
    func aRootOtherThanResponseInNoNamespaceIsRefused(_ document: String, _ shown: String) throws {
        let run = try Self.importing(document)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error[texml-schema]: the root element is \(shown), not TeXML's <Response>"))
        #expect(run.stdout.isEmpty)
    }

    @Test func elementsInsideSayAreReportedAsLost() throws {
        let run = try Self.importing(#"<Response><Say>Hello <break time="1s"/> there</Say><Hangup/></Response>"#)
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning[import-lossy]: not imported: <break> inside <Say>; only the text around them is kept"))
    }

    @Test func aBundleDocumentEditedAfterTheBuildIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle")
        let built = try CLITests.ivrc("build", "clean.ivr", "-o", bundle.path)
        try #require(built.status == 0, "\(built.stderr)")
        let document = bundle.appendingPathComponent("line/welcome.xml")
        #expect(try CLITests.ivrc("import", document.path).status == 0)

        let edited = try String(contentsOf: document, encoding: .utf8).replacingOccurrences(of: "clinic", with: "casino")
        try edited.write(to: document, atomically: true, encoding: .utf8)
        let run = try CLITests.ivrc("import", document.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error[bundle-hash]: this document does not match its SHA-256 in the bundle's manifest.json"))
    }
}
