import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import TeXMLEmit

/// What the last build of a store learnt of each source file, kept in the store
/// (`DIR/cache/snapshot`) so the next build checks, lowers and encodes only the files that
/// changed (`IncrementalBuild`). A record is keyed by the file's path and bytes under the
/// build's setting (`BuildSetting`), so it is right for any later build that has that file.
///
/// The file: a first line `ivrc-build-snapshot 1 HEADER-BYTES`, the header (JSON: the records),
/// then the records' manifest parts and document hashes, one after another, which the header
/// locates. A snapshot that does not read back whole is no snapshot: the build does all the work.
public struct BuildSnapshot: Sendable {
    /// One source file: the diagnostics a whole build reported in it, and its flows.
    public struct SourceRecord: Sendable, Codable {
        public let path: String
        public let key: String
        public let diagnostics: [Diagnostic]
        public let flows: [FlowRecord]
    }

    /// One flow of a file: what the checks across flows read, the documents it was estimated
    /// to lower to (`BundleLimits.documents(of:)`), and where its manifest part and document
    /// hashes are in the snapshot.
    public struct FlowRecord: Sendable, Codable {
        public let facts: FlowFacts
        public let estimatedDocuments: Int
        /// Offset and lengths in the snapshot's data: entry, documents, routes, schedules,
        /// dial prefixes, then the document hashes (64 hex digits each).
        let extent: [Int]
    }

    /// A flow's record with its part and hashes.
    public struct Flow: Sendable {
        public let facts: FlowFacts
        public let estimatedDocuments: Int
        public let part: ManifestFlowPart
        public let hashes: [String]
    }

    private struct Header: Codable {
        let setting: String
        let sources: [SourceRecord]
    }

    static let magic = "ivrc-build-snapshot 1"
    /// A snapshot larger than this is not read (1,000 flows take about 6 MB).
    static let maxBytes = 256 * 1024 * 1024

    public let setting: String
    public let sources: [SourceRecord]
    private let data: [UInt8]

    /// The snapshot of `store`, when there is one written under `setting` that reads back whole.
    public static func read(in store: BundleStoreDirectory, setting: BuildSetting) -> BuildSnapshot? {
        guard let directory = try? ConfinedDirectory(store.root.path),
              let bytes = try? directory.read(path, limit: maxBytes),
              let snapshot = BuildSnapshot(bytes), snapshot.setting == setting.digest else { return nil }
        return snapshot
    }

    static let path = "cache/snapshot"

    private init?(_ bytes: [UInt8]) {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let first = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard first.count == 3, first[0] + " " + first[1] == Self.magic, let length = Int(first[2]),
              length >= 0, length <= bytes.count - newline - 1,
              let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[(newline + 1)...].prefix(length))) else { return nil }
        data = Array(bytes[(newline + 1 + length)...])
        setting = header.setting
        sources = header.sources
        // Every extent inside the data, every hash a hash: checked once, so reading a flow cannot fail.
        for flow in sources.flatMap(\.flows) {
            guard flow.extent.count == 7, flow.extent.allSatisfy({ (0...data.count).contains($0) }), flow.extent[6] % 64 == 0,
                  flow.extent.reduce(0, +) <= data.count, hashes(of: flow).allSatisfy(DocumentPool.isSHA256) else { return nil }
        }
    }

    /// A snapshot of `sources` (flows with their parts and document hashes).
    public init(setting: BuildSetting, sources: [(record: SourceRecordDraft, flows: [Flow])]) {
        var data: [UInt8] = []
        var records: [SourceRecord] = []
        for (draft, flows) in sources {
            let flowRecords = flows.map { flow in
                let pieces = [flow.part.entry, flow.part.documents, flow.part.routes, flow.part.schedules, flow.part.dialPrefixes,
                              Array(flow.hashes.joined().utf8)]
                let extent = [data.count] + pieces.map(\.count)
                for piece in pieces { data += piece }
                return FlowRecord(facts: flow.facts, estimatedDocuments: flow.estimatedDocuments, extent: extent)
            }
            records.append(SourceRecord(path: draft.path, key: draft.key, diagnostics: draft.diagnostics, flows: flowRecords))
        }
        self.setting = setting.digest
        self.sources = records
        self.data = data
    }

    /// What a source record holds besides its flows.
    public struct SourceRecordDraft: Sendable {
        public let path: String
        public let key: String
        public let diagnostics: [Diagnostic]

        public init(path: String, key: String, diagnostics: [Diagnostic]) {
            self.path = path
            self.key = key
            self.diagnostics = diagnostics
        }
    }

    /// The flows of `record` with their parts and hashes.
    public func flows(of record: SourceRecord) -> [Flow] {
        record.flows.map { flow in
            var offset = flow.extent[0]
            let pieces = flow.extent.dropFirst().map { length -> [UInt8] in
                defer { offset += length }
                return Array(data[offset..<(offset + length)])
            }
            return Flow(facts: flow.facts, estimatedDocuments: flow.estimatedDocuments,
                        part: ManifestFlowPart(name: flow.facts.name, entry: pieces[0], documents: pieces[1], routes: pieces[2],
                                               schedules: pieces[3], dialPrefixes: pieces[4]),
                        hashes: hashes(of: flow))
        }
    }

    private func hashes(of flow: FlowRecord) -> [String] {
        let start = flow.extent.dropLast().reduce(0, +)
        let text = data[start..<(start + flow.extent[6])]
        return stride(from: 0, to: text.count, by: 64).map { String(decoding: text.dropFirst($0).prefix(64), as: UTF8.self) }
    }

    /// Writes the snapshot into `store` (beside, then renamed over the last one). A snapshot is
    /// only a cache: one that cannot be written is left out, and the next build does all the work.
    public func write(in store: BundleStoreDirectory) {
        let header = (try? JSONEncoder().encode(Header(setting: setting, sources: sources))).map { [UInt8]($0) } ?? []
        guard !header.isEmpty else { return }
        let directory = store.root.path + "/cache"
        let temporary = directory + "/.snapshot.tmp-\(getpid())"
        mkdir(directory, 0o755)
        unlink(temporary)
        let bytes = Array("\(Self.magic) \(header.count)\n".utf8) + header + data
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)),
              rename(temporary, store.root.path + "/" + Self.path) == 0 else {
            unlink(temporary)
            return
        }
    }
}
