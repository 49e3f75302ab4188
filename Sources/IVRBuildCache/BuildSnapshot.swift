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
/// The file, read without a JSON decoder for all but diagnostics (decoding 1,000 records took
/// a fifth of a one-flow rebuild):
///
///     ivrc-build-snapshot 1
///     setting DIGEST
///     build ID                       the build holding every document the snapshot names
///     diagnostics BYTES              then that many bytes: JSON, the diagnostics by file path
///                                    and those reported in the environment's values file
///     source KEY PATH                one per source file, then the values its flows use and
///     uses NAME…                     one line per flow of it:
///     flow ESTIMATE BYTES OFFSET L1 … L6 NUMBER|- NAME DIAL…
///     data BYTES                     then the flows' manifest parts and document hashes
///
/// A snapshot that does not read back whole is no snapshot: the build does all the work.
public struct BuildSnapshot: Sendable {
    /// One source file: the diagnostics a whole build reported in it, the environment values
    /// its flows use, and its flows.
    public struct SourceRecord: Sendable {
        public let path: String
        public let key: String
        public let diagnostics: [Diagnostic]
        public let used: [String]
        public let flows: [FlowRecord]
    }

    /// The diagnostics of the snapshot's JSON part.
    private struct Diagnostics: Codable {
        let sources: [String: [Diagnostic]]
        /// Reported in the values file: which values no flow uses, decided by all files together.
        let environment: [Diagnostic]
    }

    /// One flow of a file: what the checks across flows read, the documents it was estimated
    /// to lower to (`BundleLimits.documents(of:)`), the bytes of its documents, and where its
    /// manifest part and document hashes are in the snapshot.
    public struct FlowRecord: Sendable {
        public let facts: FlowFacts
        public let estimatedDocuments: Int
        public let documentBytes: Int
        /// Offset and lengths in the snapshot's data: entry, documents, routes, schedules,
        /// dial prefixes, then the document hashes (64 hex digits each).
        let extent: [Int]
    }

    /// A flow's record with its part and hashes.
    public struct Flow: Sendable {
        public let facts: FlowFacts
        public let estimatedDocuments: Int
        public let documentBytes: Int
        public let part: ManifestFlowPart
        public let hashes: [String]
    }

    static let magic = "ivrc-build-snapshot 1"
    static let path = BundleStoreDirectory.snapshotPath
    /// A snapshot larger than this is not read (1,000 flows take about 6 MB).
    static let maxBytes = 256 * 1024 * 1024

    public let setting: String
    /// The stored build whose documents are every document the snapshot names: while the
    /// store keeps it, the pool holds them.
    public let build: String
    public let sources: [SourceRecord]
    /// What the whole build reported in the environment's values file.
    public let environmentDiagnostics: [Diagnostic]
    private let data: ArraySlice<UInt8>
    /// The file it was read from; nil for one made in memory.
    private var file: FileIdentity?

    /// The snapshot of `store`, when there is one written under `setting` that reads back whole.
    public static func read(in store: BundleStoreDirectory, setting: BuildSetting) -> BuildSnapshot? {
        guard let file = FileIdentity(store.root.path + "/" + path),
              let directory = try? ConfinedDirectory(store.root.path),
              let bytes = try? directory.read(path, limit: maxBytes),
              var snapshot = BuildSnapshot(bytes), snapshot.setting == setting.digest else { return nil }
        snapshot.file = file
        return snapshot
    }

    /// Whether the file this snapshot was read from is still the store's snapshot: `ivrc store
    /// prune` removes it when a document it takes as present is gone. Ask holding the store's lock.
    public func isStillInPlace(in store: BundleStoreDirectory) -> Bool {
        file != nil && FileIdentity(store.root.path + "/" + Self.path) == file
    }

    private init?(_ bytes: [UInt8]) {
        var reader = LineReader(bytes)
        guard reader.line() == Self.magic, let setting = reader.field("setting"),
              let build = reader.field("build"), BundleID.isValid(build),
              let length = reader.field("diagnostics").flatMap({ Int($0) }), let json = reader.bytes(length),
              let diagnostics = try? JSONDecoder().decode(Diagnostics.self, from: Data(json)) else { return nil }
        var sources: [SourceRecord] = []
        var flows: [FlowRecord] = []
        var used: [String] = []
        var source: (path: String, key: String)?
        func close() {
            if let (path, key) = source {
                sources.append(SourceRecord(path: path, key: key, diagnostics: diagnostics.sources[path] ?? [], used: used, flows: flows))
            }
            flows = []
            used = []
        }
        while let line = reader.line() {
            let fields = line.split(separator: " ", maxSplits: line.hasPrefix("source ") ? 2 : Int.max).map(String.init)
            switch fields.first {
            case "source"?:
                guard fields.count == 3, DocumentPool.isSHA256(fields[1]) else { return nil }
                close()
                source = (fields[2], fields[1])
            case "uses"?:
                guard source != nil, flows.isEmpty, used.isEmpty else { return nil }
                used = Array(fields.dropFirst())
            case "flow"?:
                guard source != nil, fields.count >= 12 else { return nil }
                let numbers = fields[1...9].compactMap { Int($0) }
                guard numbers.count == 9 else { return nil }
                flows.append(FlowRecord(facts: FlowFacts(name: fields[11], number: fields[10] == "-" ? nil : fields[10], dials: Array(fields[12...])),
                                        estimatedDocuments: numbers[0], documentBytes: numbers[1], extent: Array(numbers[2...])))
            case "data"?:
                guard fields.count == 2, let length = Int(fields[1]), let data = reader.bytes(length), reader.atEnd else { return nil }
                close()
                self.setting = setting
                self.build = build
                self.sources = sources
                self.environmentDiagnostics = diagnostics.environment
                self.data = data
                // Every extent inside the data, every hash a hash: checked once, so reading a flow cannot fail.
                for flow in sources.flatMap(\.flows) {
                    guard flow.documentBytes >= 0, flow.extent.allSatisfy({ (0...self.data.count).contains($0) }), flow.extent[6] % 64 == 0,
                          flow.extent.reduce(0, +) <= self.data.count,
                          hashBytes(of: flow).allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
                }
                return
            default:
                return nil
            }
        }
        return nil
    }

    /// A snapshot of `sources` (flows with their parts and document hashes), whose documents
    /// are those of the stored build `build`; `environmentDiagnostics` those reported in the
    /// values file.
    public init(setting: BuildSetting, build: String, sources: [(record: SourceRecordDraft, flows: [Flow])],
                environmentDiagnostics: [Diagnostic] = []) {
        var data: [UInt8] = []
        var records: [SourceRecord] = []
        for (draft, flows) in sources {
            let flowRecords = flows.map { flow in
                let pieces = [flow.part.entry, flow.part.documents, flow.part.routes, flow.part.schedules, flow.part.dialPrefixes,
                              Array(flow.hashes.joined().utf8)]
                let extent = [data.count] + pieces.map(\.count)
                for piece in pieces { data += piece }
                return FlowRecord(facts: flow.facts, estimatedDocuments: flow.estimatedDocuments, documentBytes: flow.documentBytes, extent: extent)
            }
            records.append(SourceRecord(path: draft.path, key: draft.key, diagnostics: draft.diagnostics, used: draft.used,
                                        flows: flowRecords))
        }
        self.setting = setting.digest
        self.build = build
        self.sources = records
        self.environmentDiagnostics = environmentDiagnostics
        self.data = data[...]
    }

    /// What a source record holds besides its flows.
    public struct SourceRecordDraft: Sendable {
        public let path: String
        public let key: String
        public let diagnostics: [Diagnostic]
        public let used: [String]

        public init(path: String, key: String, diagnostics: [Diagnostic], used: [String]) {
            self.path = path
            self.key = key
            self.diagnostics = diagnostics
            self.used = used
        }
    }

    /// The flows of `record` with their parts and hashes.
    public func flows(of record: SourceRecord) -> [Flow] {
        record.flows.map { flow in
            var offset = flow.extent[0]
            let pieces = flow.extent.dropFirst().map { length -> [UInt8] in
                defer { offset += length }
                return Array(data[(data.startIndex + offset)..<(data.startIndex + offset + length)])
            }
            return Flow(facts: flow.facts, estimatedDocuments: flow.estimatedDocuments, documentBytes: flow.documentBytes,
                        part: ManifestFlowPart(name: flow.facts.name, entry: pieces[0], documents: pieces[1], routes: pieces[2],
                                               schedules: pieces[3], dialPrefixes: pieces[4]),
                        hashes: hashes(of: flow))
        }
    }

    private func hashes(of flow: FlowRecord) -> [String] {
        let text = hashBytes(of: flow)
        return stride(from: 0, to: text.count, by: 64).map { String(decoding: text.dropFirst($0).prefix(64), as: UTF8.self) }
    }

    /// The flow's document hashes, 64 hex digits each, one after another.
    private func hashBytes(of flow: FlowRecord) -> ArraySlice<UInt8> {
        let start = data.startIndex + flow.extent.dropLast().reduce(0, +)
        return data[start..<(start + flow.extent[6])]
    }

    /// Writes the snapshot into `store` (beside, then renamed over the last one), flushed to
    /// disk when `flushing` (else the caller flushes the file system after). A snapshot is
    /// only a cache: one that cannot be written is left out, and the next build does all the work.
    public func write(in store: BundleStoreDirectory, flushing: Bool) {
        guard let staged = stage(in: store) else { return }
        guard !flushing || Self.flush(staged) else {
            unlink(staged)
            return
        }
        place(staged, in: store)
    }

    /// The snapshot written beside the store's, not yet in its place (`place`); nil when it
    /// cannot be written.
    public func stage(in store: BundleStoreDirectory) -> String? {
        // A path or name a line cannot hold is not kept: that build is then done whole again.
        guard !sources.contains(where: { source in
                  source.path.contains("\n") || source.flows.contains { $0.facts.name.contains(" ") }
                      || source.used.contains { $0.isEmpty || $0.contains(" ") || $0.contains("\n") }
              }),
              let diagnostics = try? JSONEncoder().encode(Diagnostics(
                  sources: Dictionary(sources.filter { !$0.diagnostics.isEmpty }.map { ($0.path, $0.diagnostics) }) { first, _ in first },
                  environment: environmentDiagnostics))
        else { return nil }
        let text = "\(Self.magic)\nsetting \(setting)\nbuild \(build)\ndiagnostics \(diagnostics.count)\n"
        var lines = ""
        for source in sources {
            lines += "source \(source.key) \(source.path)\n"
            if !source.used.isEmpty { lines += "uses " + source.used.joined(separator: " ") + "\n" }
            for flow in source.flows {
                let fields = [String(flow.estimatedDocuments), String(flow.documentBytes)] + flow.extent.map(String.init) + [flow.facts.number ?? "-", flow.facts.name] + flow.facts.dials
                lines += "flow " + fields.joined(separator: " ") + "\n"
            }
        }
        lines += "data \(data.count)\n"
        var bytes = Array(text.utf8)
        bytes.reserveCapacity(bytes.count + diagnostics.count + lines.utf8.count + data.count)
        bytes += diagnostics
        bytes += lines.utf8
        bytes += data
        let directory = store.root.path + "/cache"
        let temporary = directory + "/.snapshot.tmp-\(getpid())"
        mkdir(directory, 0o755)
        unlink(temporary)
        guard BundleWriter.writeFile(temporary, bytes) == nil else {
            unlink(temporary)
            return nil
        }
        return temporary
    }

    /// Renames the snapshot `stage` wrote over the store's.
    public func place(_ staged: String, in store: BundleStoreDirectory) {
        if rename(staged, store.root.path + "/" + Self.path) != 0 { unlink(staged) }
    }
}

/// Which file a path names (device, inode, change time: an inode number is reused), to tell one
/// file from another put in its place.
private struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let changed: [Int]

    init?(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        changed = [status.st_ctim.tv_sec, status.st_ctim.tv_nsec]
    }
}

extension BuildSnapshot {
    /// `fsync` of the file at `path`.
    fileprivate static func flush(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return fsync(descriptor) == 0
    }
}

/// Lines and counted runs of bytes, read from the front of a buffer.
private struct LineReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    /// The next line, without its newline; nil at the end or when no newline ends it.
    mutating func line() -> String? {
        guard let newline = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        defer { offset = newline + 1 }
        return String(decoding: bytes[offset..<newline], as: UTF8.self)
    }

    /// The value of the next line when it is `NAME VALUE`.
    mutating func field(_ name: String) -> String? {
        guard let line = line(), line.hasPrefix(name + " ") else { return nil }
        return String(line.dropFirst(name.count + 1))
    }

    /// The next `count` bytes; nil when fewer are left.
    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }
}
