import Foundation
import IVRLang
import Testing

/// The one reader behind every input file and bundle document.
@Suite struct ConfinedDirectoryTests {
    /// A scratch directory `inside/` holding `flow.ivr`, next to `outside/secret.txt`.
    private func withTree(_ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-confined-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["inside/sub", "outside"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("flow f\n".utf8).write(to: root.appendingPathComponent("inside/sub/flow.ivr"))
        try Data("TOKEN=secret\n".utf8).write(to: root.appendingPathComponent("outside/secret.txt"))
        try body(root)
    }

    private func link(_ root: URL, _ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: destination)
    }

    private func failure(_ body: () throws -> [UInt8]) -> FileAccessFailure.Reason? {
        #expect(throws: FileAccessFailure.self) { _ = try body() }?.reason
    }

    @Test func readsARegularFileBelowIt() throws {
        try withTree { root in
            let inside = try ConfinedDirectory(root.appendingPathComponent("inside").path)
            #expect(try inside.read("sub/flow.ivr", limit: 100) == Array("flow f\n".utf8))
        }
    }

    @Test func followsALinkOnlyWhileItStaysInside() throws {
        try withTree { root in
            try link(root, "inside/alias.ivr", to: "sub/flow.ivr")
            try link(root, "inside/escape.ivr", to: "../outside/secret.txt")
            let inside = try ConfinedDirectory(root.appendingPathComponent("inside").path)
            #expect(try inside.read("alias.ivr", limit: 100, links: .followWithin) == Array("flow f\n".utf8))
            #expect(failure { try inside.read("escape.ivr", limit: 100, links: .followWithin) } == .leavesDirectory(inside.path))
            #expect(failure { try inside.read("alias.ivr", limit: 100) } == .symbolicLink)
            #expect(failure { try inside.read("../outside/secret.txt", limit: 100) } == .leavesDirectory(inside.path))
        }
    }

    @Test func followsALinkOnlyToAFileOfItsOwnKind() throws {
        try withTree { root in
            try Data("TOKEN=secret\n".utf8).write(to: root.appendingPathComponent("inside/.env"))
            try link(root, "inside/flow.xml", to: ".env")
            try link(root, "inside/other.ivr", to: "sub/flow.ivr.bak")
            try Data("flow f\n".utf8).write(to: root.appendingPathComponent("inside/sub/flow.ivr.bak"))
            let inside = try ConfinedDirectory(root.appendingPathComponent("inside").path)
            #expect(failure { try inside.read("flow.xml", limit: 100, links: .followWithin) } == .linksToAnotherKind("xml"))
            #expect(failure { try inside.read("other.ivr", limit: 100, links: .followWithin) } == .linksToAnotherKind("ivr"))
            #expect(failure { try ConfinedDirectory.readFile(atPath: root.appendingPathComponent("inside/flow.xml").path, limit: 100) }
                == .linksToAnotherKind("xml"))
        }
    }

    @Test func neverPassesThroughALinkedDirectory() throws {
        try withTree { root in
            try link(root, "inside/linked", to: "sub")
            let inside = try ConfinedDirectory(root.appendingPathComponent("inside").path)
            #expect(failure { try inside.read("linked/flow.ivr", limit: 100) } == .symbolicLink)
        }
    }

    @Test func refusesAFIFOWithoutWaitingForAWriter() throws {
        try withTree { root in
            #expect(mkfifo(root.appendingPathComponent("inside/pipe.ivr").path, 0o644) == 0)
            let inside = try ConfinedDirectory(root.appendingPathComponent("inside").path)
            #expect(failure { try inside.read("pipe.ivr", limit: 100) } == .notRegular(.fifo))
            #expect(failure { try inside.read("sub", limit: 100) } == .notRegular(.directory))
        }
    }

    @Test func refusesAFileOverTheLimitFromItsSize() throws {
        try withTree { root in
            let inside = try ConfinedDirectory(root.appendingPathComponent("inside").path)
            #expect(failure { try inside.read("sub/flow.ivr", limit: 3) } == .tooLarge(size: 7, limit: 3))
        }
    }

    /// Pseudo-files report size 0; reading no more than the reported size keeps them out.
    @Test func readsNoMoreThanTheSizeTheFileReports() throws {
        let process = try ConfinedDirectory("/proc/self")
        #expect(try process.read("environ", limit: 1 << 20).isEmpty)
    }

    @Test func aFileNamedOnItsOwnIsConfinedToItsDirectory() throws {
        try withTree { root in
            try link(root, "inside/escape.ivr", to: "../outside/secret.txt")
            let escape = root.appendingPathComponent("inside/escape.ivr").path
            #expect(failure { try ConfinedDirectory.readFile(atPath: escape, limit: 100) }
                == .leavesDirectory(root.appendingPathComponent("inside").path))
            #expect(try ConfinedDirectory.readFile(atPath: root.appendingPathComponent("inside/sub/flow.ivr").path, limit: 100).count == 7)
        }
    }

    @Test func treeListsEntriesSortedWithoutEnteringLinks() throws {
        try withTree { root in
            try link(root, "inside/linked", to: "../outside")
            let entries = try FileTree.entries(under: root.appendingPathComponent("inside").path)
            #expect(entries.map(\.relativePath) == ["linked", "sub", "sub/flow.ivr"])
            #expect(entries.map(\.kind) == [.symbolicLink, .directory, .regular])
        }
    }
}
