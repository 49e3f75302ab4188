import Foundation
import IVRTestSupport
import Testing

/// A deploy that changes nothing changes nothing on disk: rebuilding identical output leaves
/// the bundle's inodes and times alone; any change is written as before.
@Suite struct IdempotentBuildTests {
    static let example = Repository.examples.appendingPathComponent("patient_intake.ivr").path

    func stamp(_ path: String) throws -> (inode: Int, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.systemFileNumber] as? Int) ?? -1, (attributes[.modificationDate] as? Date) ?? .distantPast)
    }

    @Test func identicalOutputLeavesTheBundleUntouched() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-idem-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("bundle").path
        #expect(try CLITests.ivrc(["build", Self.example, "-o", bundle]).status == 0)
        let before = try [bundle, bundle + "/manifest.json", bundle + "/patient_intake/welcome.xml"].map(stamp)
        let again = try CLITests.ivrc(["build", Self.example, "-o", bundle])
        #expect(again.status == 0)
        #expect(again.stderr.contains("left \(bundle) as it was"), "\(again.stderr)")
        let after = try [bundle, bundle + "/manifest.json", bundle + "/patient_intake/welcome.xml"].map(stamp)
        #expect(before.map(\.inode) == after.map(\.inode))
        #expect(before.map(\.modified) == after.map(\.modified))
        // A document edited on disk no longer matches its hash: the bundle is written again.
        try Data("<Response/>".utf8).write(to: URL(fileURLWithPath: bundle + "/patient_intake/welcome.xml"))
        let repaired = try CLITests.ivrc(["build", Self.example, "-o", bundle])
        #expect(repaired.stderr.contains("wrote \(bundle)"), "\(repaired.stderr)")
        #expect(try stamp(bundle).inode != before[0].inode)
    }
}
