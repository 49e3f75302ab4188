import Foundation
import IVRBundle
import Testing

/// Reading a bundle store: the history as written, and nothing that `current` or a history line
/// names is followed unless it is a build of the store.
@Suite struct BundleStoreDirectoryTests {
    @Test func theHistorySaysWhenEachBuildWasRetiredAndSkipsLinesThatAreNotSwitches() {
        let history = BundleHistory(text: """
            100 aaaaaaaaaaaa
            200 bbbbbbbbbbbb
            garbage
            250 ../../etc/pw
            -5 cccccccccccc
            9223372036854775807 dddddddddddd
            300 aaaaaaaaaaaa
            400 cccccccccccc

            """)
        #expect(history.entries.map(\.id) == ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "aaaaaaaaaaaa", "cccccccccccc"])
        let retired = history.retired(current: "cccccccccccc")
        #expect(retired.map(\.id) == ["aaaaaaaaaaaa", "bbbbbbbbbbbb"], "newest first, each once")
        #expect(retired.map(\.since.timeIntervalSince1970) == [400, 300], "a rolled-back build retires at its last replacement")
        #expect(BundleHistory(text: history.text) == history)
    }

    @Test func currentMustNameABuildOfTheStore() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("bundles"), withIntermediateDirectories: true)
        let store = BundleStoreDirectory(root: root)
        #expect(BundleStoreDirectory.isStore(root.path))
        #expect { try store.currentID() } throws: { "\($0)".contains("no build was made current") }
        for target in ["/etc", "bundles/../../etc", "bundles/ABCDEF012345", "elsewhere/aaaaaaaaaaaa"] {
            unlink(store.currentPath)
            #expect(symlink(target, store.currentPath) == 0)
            #expect(throws: BundleStoreDirectory.Failure.self, "\(target)") { try store.currentID() }
            #expect(throws: LoadedBundle.Failure.self, "\(target)") { try LoadedBundle(directory: root) }
        }
        unlink(store.currentPath)
        #expect(symlink("bundles/aaaaaaaaaaaa", store.currentPath) == 0)
        #expect(try store.currentID() == "aaaaaaaaaaaa")
        #expect { try LoadedBundle(directory: root) } throws: { "\($0)".contains("aaaaaaaaaaaa") }
    }

    @Test func aBundleWithAFlowNamedBundlesIsABundleNotAStore() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("bundles"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: root.appendingPathComponent("manifest.json"))
        #expect(!BundleStoreDirectory.isStore(root.path))
        #expect(try BundleStoreDirectory.bundleDirectory(root) == root)
    }
}
