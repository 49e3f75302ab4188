import Foundation
@testable import IVRRecordings
import Testing

struct AuditLogTests {
    static func log(lines: Int) throws -> (AuditLog, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let log = AuditLog(path: directory.path + "/audit.log")
        for index in 0..<lines {
            try log.append(AuditLog.Entry(action: "read", recording: "rec-\(index)", detail: "to /tmp/out-\(index).wav"))
        }
        return (log, directory)
    }

    static func lines(_ log: AuditLog) throws -> [String] {
        try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static func write(_ lines: [String], to log: AuditLog) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: log.path, atomically: false, encoding: .utf8)
    }

    @Test func eachLineCarriesThePreviousLinesHash() throws {
        let (log, directory) = try Self.log(lines: 4)
        defer { directory.remove() }
        let lines = try Self.lines(log)
        let entries = try log.entries()
        #expect(entries.map(\.recording) == ["rec-0", "rec-1", "rec-2", "rec-3"])
        #expect(entries[0].previous == AuditLog.firstPrevious)
        for index in 1..<4 { #expect(entries[index].previous == RecordingStore.sha256(Array(lines[index - 1].utf8))) }
        #expect(entries.allSatisfy { $0.user == OSUser.current && !$0.user.isEmpty })
        #expect(log.verify() == .intact(lines: 4, head: RecordingStore.sha256(Array(lines[3].utf8))))
    }

    @Test func aRemovedLineBreaksTheChainWhereItWas() throws {
        let (log, directory) = try Self.log(lines: 4)
        defer { directory.remove() }
        var lines = try Self.lines(log)
        lines.remove(at: 1)
        try Self.write(lines, to: log)
        guard case .broken(let line, _) = log.verify() else { Issue.record("a removed line went unnoticed"); return }
        #expect(line == 2)
    }

    @Test func anEditedLineBreaksTheChainAtTheNextLine() throws {
        let (log, directory) = try Self.log(lines: 4)
        defer { directory.remove() }
        var lines = try Self.lines(log)
        lines[2] = lines[2].replacingOccurrences(of: "rec-2", with: "rec-9")
        try Self.write(lines, to: log)
        guard case .broken(let line, _) = log.verify() else { Issue.record("an edited line went unnoticed"); return }
        #expect(line == 4)
    }

    @Test func appendsAfterAnEditDoNotRepairIt() throws {
        let (log, directory) = try Self.log(lines: 3)
        defer { directory.remove() }
        var lines = try Self.lines(log)
        lines[0] = lines[0].replacingOccurrences(of: "read", with: "list")
        try Self.write(lines, to: log)
        try log.append(AuditLog.Entry(action: "verified"))
        guard case .broken(let line, _) = log.verify() else { Issue.record("the edit went unnoticed"); return }
        #expect(line == 2)
    }

    @Test func concurrentAppendsKeepOneChain() async throws {
        let (log, directory) = try Self.log(lines: 0)
        defer { directory.remove() }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask { try? log.append(AuditLog.Entry(action: "read", recording: "rec-\(index)")) }
            }
        }
        #expect(log.verify() == .intact(lines: 40, head: RecordingStore.sha256(Array(try Self.lines(log)[39].utf8))))
    }
}
