import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `audit.log`: one JSON line per access (who, what, when, which recording; never content),
/// each carrying the SHA-256 of the line before it, so a removed, edited or reordered line
/// breaks the chain `verify` walks. Appends hold an exclusive `flock`, so the server and
/// the CLI can append at once.
public struct AuditLog: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var at: Date
        public var user: String
        /// `stored`, `listed`, `read`, `purged`, `verified`; for transcripts `transcript-stored`, `transcript-read`, `transcript-purged`.
        public var action: String
        public var recording: String?
        /// What was asked (a filter, an output file), never audio or a transcript.
        public var detail: String?
        /// SHA-256 (hex) of the previous line's bytes; zeros on the first line.
        public var previous: String

        public init(at: Date = Date(), user: String = OSUser.current, action: String, recording: String? = nil,
                    detail: String? = nil, previous: String = "") {
            self.at = at
            self.user = user
            self.action = action
            self.recording = recording
            self.detail = detail
            self.previous = previous
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let firstPrevious = String(repeating: "0", count: 64)

    public let path: String

    public init(path: String) { self.path = path }

    /// Appends `entry` (its `previous` set here) and flushes it to disk.
    public func append(_ entry: Entry) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot open the audit log \(path)") }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw failure("cannot lock the audit log \(path)") }
        var entry = entry
        entry.previous = try Self.lastLine(descriptor).map(RecordingStore.sha256) ?? Self.firstPrevious
        let line = Array(try RecordingMetadata.encoder.encode(entry)) + [UInt8(ascii: "\n")]
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, line.count) }
        guard written == line.count, fsync(descriptor) == 0 else { throw failure("cannot append to the audit log \(path)") }
    }

    /// What `verify` found: the number of lines and the last line's hash, or where the chain breaks.
    public enum Verdict: Equatable, Sendable {
        case intact(lines: Int, head: String)
        case broken(line: Int, reason: String)
    }

    public func verify() -> Verdict {
        guard let data = FileManager.default.contents(atPath: path) else { return .intact(lines: 0, head: Self.firstPrevious) }
        var previous = Self.firstPrevious
        var number = 0
        var lines = Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.last?.isEmpty == true else { return .broken(line: lines.count, reason: "the last line is cut off (no newline)") }
        lines.removeLast()
        for line in lines {
            number += 1
            guard let entry = try? RecordingMetadata.decoder.decode(Entry.self, from: Data(line)) else {
                return .broken(line: number, reason: "not an audit record")
            }
            guard entry.previous == previous else {
                return .broken(line: number, reason: "it does not carry the hash of the line before it: a line before it was removed, edited or reordered")
            }
            previous = RecordingStore.sha256(Array(line))
        }
        return .intact(lines: number, head: previous)
    }

    public func entries() throws -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return try Array(data).split(separator: UInt8(ascii: "\n")).map { try RecordingMetadata.decoder.decode(Entry.self, from: Data($0)) }
    }

    /// The last complete line of the open file, read backwards in blocks.
    private static func lastLine(_ descriptor: Int32) throws -> [UInt8]? {
        var end = lseek(descriptor, 0, SEEK_END)
        guard end > 0 else { return nil }
        var tail: [UInt8] = []
        let block = 4096
        while end > 0 {
            let start = max(0, end - off_t(block))
            var chunk = [UInt8](repeating: 0, count: Int(end - start))
            let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, start) }
            guard read == chunk.count else { throw Failure(description: "cannot read the audit log") }
            tail = chunk + tail
            end = start
            // The line before the last newline ends at the newline before it.
            let body = tail.last == UInt8(ascii: "\n") ? tail.dropLast() : tail[...]
            if let newline = body.lastIndex(of: UInt8(ascii: "\n")) { return Array(body[(newline + 1)...]) }
        }
        let body = tail.last == UInt8(ascii: "\n") ? Array(tail.dropLast()) : tail
        return body.isEmpty ? nil : body
    }

    private func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }
}
