import Foundation
import TeXMLEmit
import Testing

@Suite struct LoaderTests {
    private func writtenExamples() throws -> URL {
        let directory = Compile.temporaryDirectory()
        try BundleWriter.write(try Compile.bundle(Compile.exampleSources()), to: directory, compilerVersion: "test")
        return directory
    }

    @Test func numberToEntryToPressNineToTheEmergencyDial() throws {
        let directory = try writtenExamples()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = try LoadedBundle(directory: directory)
        let entry = try #require(bundle.entry(forNumber: "+1-800-596-3057"))
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
        let entry = try #require(bundle.entry(forNumber: "+18888046762"))
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
        let manifest = Manifest(formatVersion: 1, compilerVersion: "x", flows: [], routes: [:],
                                documents: ["../../etc/passwd": .init(sha256: "00")], waivers: [])
        let directory = Compile.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(BundleWriter.encode(manifest)).write(to: directory.appendingPathComponent("manifest.json"))
        #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(directory: directory) }
    }

    @Test func aRouteToAMissingDocumentIsRefused() throws {
        let manifest = Manifest(formatVersion: 1, compilerVersion: "x", flows: [],
                                routes: ["f/a.xml": Route(kind: .record, next: "f/b.xml")], documents: [:], waivers: [])
        #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(manifest: manifest, documents: ["f/a.xml": []]) }
    }
}
