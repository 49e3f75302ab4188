import Foundation
import IVRBundle
import IVRTestSupport
import TeXMLEmit
import Testing

@Suite struct LoaderTests {
    private func writtenExamples() throws -> URL {
        let directory = Compile.temporaryDirectory()
        try BundleWriter.write(try Compile.bundle(ExampleFlows.sources()), to: directory, compilerVersion: "test")
        return directory
    }

    @Test func numberToEntryToPressNineToTheEmergencyDial() throws {
        let directory = try writtenExamples()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = try LoadedBundle(directory: directory)
        let entry = try #require(bundle.entry(forNumber: "+1-800-555-0157"))
        #expect(entry == "patient_intake/welcome.xml")
        let next = try #require(bundle.next(after: entry, parameters: ["Digits": "9"]))
        #expect(next == "patient_intake/urgent.xml")
        let urgent = String(decoding: try #require(bundle.document(next)), as: UTF8.self)
        #expect(urgent.contains("<Number>+15550100911</Number>"))
        // The nurse does not answer: the dial's route goes to the backup line.
        #expect(bundle.next(after: next, parameters: ["DialCallStatus": "no-answer"]) == "patient_intake/urgent_backup.xml")
        #expect(bundle.next(after: next, parameters: ["DialCallStatus": "completed"]) == "patient_intake/hangup.call.xml")
    }

    @Test func driverLineRoutesKeyOneToDispatch() throws {
        let bundle = try LoadedBundle(directory: try writtenExamples())
        let entry = try #require(bundle.entry(forNumber: "+18885550162"))
        #expect(bundle.next(after: entry, parameters: ["Digits": "1"]) == "driver_emergency/dispatch.xml")
        #expect(bundle.next(after: entry, parameters: ["SpeechResult": "Emergency please"]) == "driver_emergency/dispatch.xml")
        #expect(bundle.next(after: entry, parameters: ["Digits": "7"]) == "driver_emergency/dispatch.xml")
        #expect(bundle.next(after: entry, parameters: [:]) == "driver_emergency/start.part2.xml")
    }

    @Test func aChangedDocumentIsRefused() throws {
        let directory = try writtenExamples()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("patient_intake/urgent.xml")
        try Data("<Response/>".utf8).write(to: file)
        #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(directory: directory) }
    }

    @Test func aMissingDocumentIsRefused() throws {
        let directory = try writtenExamples()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("patient_intake/closed.xml"))
        #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(directory: directory) }
    }

    @Test func manifestPathsCannotLeaveTheBundle() throws {
        let manifest = Manifest(formatVersion: Manifest.currentFormatVersion, compilerVersion: "x", flows: [], routes: [:],
                                documents: ["../../etc/passwd": .init(sha256: "00")], waivers: [])
        let directory = Compile.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(manifest.encoded).write(to: directory.appendingPathComponent("manifest.json"))
        #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(directory: directory) }
    }

    @Test func aRouteToAMissingDocumentIsRefused() throws {
        let manifest = Manifest(formatVersion: Manifest.currentFormatVersion, compilerVersion: "x", flows: [],
                                routes: ["f/a.xml": Route(kind: .record, next: "f/b.xml")], documents: [:], waivers: [])
        #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(manifest: manifest, documents: ["f/a.xml": []]) }
    }

    @Test func aDialRouteWhoseLanguageIsNoTagIsRefused() throws {
        let route = Route(kind: .dial, next: "f/a.xml", language: "es\"><Play>x</Play>")
        let manifest = Manifest(formatVersion: Manifest.currentFormatVersion, compilerVersion: "x", flows: [], routes: ["f/a.xml": route], documents: [:], waivers: [])
        let error = #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(manifest: manifest, documents: ["f/a.xml": []]) }
        #expect(error?.description.contains("is not a BCP 47 tag") == true)
    }

    /// A dial bound is compared with filled numbers: one that is no E.164 prefix (an empty
    /// string would allow every number) refuses the bundle.
    @Test func aDialBoundThatIsNoPrefixIsRefused() throws {
        for prefix in ["", "+", "1", "+0", "+1x"] {
            let manifest = Manifest(formatVersion: Manifest.currentFormatVersion, compilerVersion: "x", flows: [], routes: [:],
                                    documents: [:], waivers: [], dialPrefixes: ["f/a.xml": [["+44", prefix]]])
            let error = #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(manifest: manifest, documents: ["f/a.xml": []]) }
            #expect(error?.description.contains("is not an E.164 prefix") == true, "\(prefix)")
        }
    }

    /// Found in its own flow only, in any language: `b/urgent.es-MX.xml` is step `urgent` of
    /// flow `b`, not of flow `a`.
    @Test func anEmergencyStepWithoutADocumentOfItsFlowIsRefused() throws {
        func load(_ step: String, documents: [String]) throws -> LoadedBundle {
            let manifest = Manifest(formatVersion: Manifest.currentFormatVersion, compilerVersion: "x",
                                    flows: [.init(name: "a", number: "+15550100100", entry: "a/welcome.xml", emergencyStep: step)],
                                    routes: [:], documents: [:], waivers: [])
            return try LoadedBundle(manifest: manifest, documents: Dictionary(uniqueKeysWithValues: documents.map { ($0, []) }))
        }
        #expect(throws: Never.self) { try load("urgent", documents: ["a/welcome.xml", "a/urgent.xml"]) }
        #expect(throws: Never.self) { try load("urgent", documents: ["a/welcome.xml", "a/urgent.part2.xml"]) }
        #expect(throws: Never.self) { try load("urgent", documents: ["a/welcome.xml", "a/urgent.es-MX.xml"]) }
        let error = #expect(throws: LoadedBundle.Failure.self) {
            try load("urgent", documents: ["a/welcome.xml", "b/urgent.xml", "ab/urgent.xml", "a/urgent_backup.xml"])
        }
        #expect(error?.description == "emergency step urgent of flow a has no document in the bundle")
    }

    /// The written examples with `path`'s manifest hash set to `bytes`' hash, as an attacker
    /// who can write to the bundle would leave it.
    private func rehash(_ directory: URL, _ path: String, to bytes: [UInt8]) throws {
        let manifestURL = directory.appendingPathComponent("manifest.json")
        let old = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL))
        var documents = old.documents
        documents[path] = .init(sha256: DocumentHash.sha256(bytes))
        let manifest = Manifest(formatVersion: old.formatVersion, compilerVersion: old.compilerVersion, flows: old.flows,
                                routes: old.routes, documents: documents, waivers: old.waivers)
        try Data(manifest.encoded).write(to: manifestURL)
    }

    /// The written examples and a file outside them standing in for `/etc/passwd`, both
    /// removed after `body`.
    private func withBundle(outside contents: String, _ body: (URL, URL) throws -> Void) throws {
        let directory = try writtenExamples()
        let outside = Compile.temporaryDirectory()
        defer { for url in [directory, outside] { try? FileManager.default.removeItem(at: url) } }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let file = outside.appendingPathComponent("passwd.xml")
        try Data(contents.utf8).write(to: file)
        try body(directory, file)
    }

    private func expectRefusal(_ directory: URL, saying reason: String) {
        let error = #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(directory: directory) }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func aDocumentLinkedOutsideIsRefusedEvenWithItsHashUpdated() throws {
        try withBundle(outside: "root:x:0:0:root:/root:/bin/bash") { directory, secret in
            let document = directory.appendingPathComponent("patient_intake/urgent.xml")
            try FileManager.default.removeItem(at: document)
            try FileManager.default.createSymbolicLink(at: document, withDestinationURL: secret)
            try rehash(directory, "patient_intake/urgent.xml", to: Array(try Data(contentsOf: secret)))
            expectRefusal(directory, saying: "urgent.xml is a symbolic link")
        }
    }

    @Test func aLinkedDirectoryIsRefused() throws {
        try withBundle(outside: "<Response/>") { directory, secret in
            try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("root"),
                                                       withDestinationURL: secret.deletingLastPathComponent())
            try rehash(directory, "root/passwd.xml", to: Array("<Response/>".utf8))
            expectRefusal(directory, saying: "root/passwd.xml is a symbolic link")
        }
    }

    @Test func aLinkedManifestIsRefused() throws {
        try withBundle(outside: "") { directory, elsewhere in
            let manifest = directory.appendingPathComponent("manifest.json")
            try FileManager.default.removeItem(at: elsewhere)
            try FileManager.default.moveItem(at: manifest, to: elsewhere)
            try FileManager.default.createSymbolicLink(at: manifest, withDestinationURL: elsewhere)
            expectRefusal(directory, saying: "manifest.json is a symbolic link")
        }
    }

    @Test func aFIFODocumentIsRefusedWithoutBlocking() throws {
        let directory = try writtenExamples()
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = directory.appendingPathComponent("patient_intake/closed.xml")
        try FileManager.default.removeItem(at: document)
        #expect(mkfifo(document.path, 0o644) == 0)
        expectRefusal(directory, saying: "closed.xml is a FIFO")
    }

    /// Sparse files: the size is refused from `fstat` alone, so nothing near it is ever held in memory.
    @Test(arguments: [("manifest.json", BundleLimits.maxManifestBytes), ("patient_intake/closed.xml", BundleLimits.maxDocumentBytes)])
    func anOversizedFileIsRefusedBeforeItIsRead(_ path: String, _ limit: Int) throws {
        let directory = try writtenExamples()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try FileHandle(forWritingTo: directory.appendingPathComponent(path))
        try file.truncate(atOffset: UInt64(limit + 1))
        try file.close()
        expectRefusal(directory, saying: "\(limit + 1) bytes, over the limit of \(limit)")
    }

    /// The deploy scheme `current -> releases/7`: the link naming the bundle is the operator's choice.
    @Test func aBundleOpenedThroughALinkToItLoads() throws {
        let directory = try writtenExamples()
        let link = Compile.temporaryDirectory()
        defer { for url in [directory, link] { try? FileManager.default.removeItem(at: url) } }
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: directory)
        #expect(try LoadedBundle(directory: link).entry(forNumber: "+18005550157") == "patient_intake/welcome.xml")
    }
}
