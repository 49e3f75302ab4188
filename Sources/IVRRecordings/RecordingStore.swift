import Crypto
import Foundation

/// The recordings directory: `objects/SID.sealed` (the sealed audio) and `objects/SID.json`
/// (its metadata), the same pair for the recording's transcript under `transcripts/`, plus
/// `audit.log`. The metadata is written after the object, so a recording exists exactly when
/// its metadata does; an object without metadata is a crashed write, replaced when Telnyx retries.
public struct RecordingStore: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let directory: String
    public let audit: AuditLog
    private var objects: String { directory + "/objects" }
    var transcripts: String { directory + "/transcripts" }

    /// Opens (creating if needed, owner-only) the directory for the one server writing to it,
    /// and removes what a killed writer left.
    public init(directory: String) throws {
        self.init(opened: directory)
        let files = FileManager.default
        for folder in [objects, transcripts] {
            do {
                try files.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure(description: "cannot create the recordings directory \(folder): \(error.localizedDescription)")
            }
            for name in (try? files.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(DurableFile.temporaryPrefix) {
                try? files.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    /// Opens an existing directory for reading (`ivrc recordings list/get/purge/verify`).
    public static func existing(_ directory: String) throws -> RecordingStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory + "/objects", isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(description: "\(directory) is not a recordings directory (no objects/ in it): give the --recordings-dir of `ivrc serve`")
        }
        // Leftovers are not removed: a running server may be writing them.
        return RecordingStore(opened: directory)
    }

    private init(opened directory: String) {
        self.directory = directory
        audit = AuditLog(path: directory + "/audit.log")
    }

    public func contains(_ recordingSid: String) -> Bool {
        FileManager.default.fileExists(atPath: metadataPath(recordingSid))
    }

    /// Seals and stores the audio: object, then metadata, each durable before the next.
    public func store(_ audio: [UInt8], metadata: RecordingMetadata, keys: RecordingKeyRing) throws {
        let sealed = try SealedRecording.seal(audio, recordingSid: metadata.recordingSid, keys: keys)
        try DurableFile.save(sealed, to: objectPath(metadata.recordingSid))
        try DurableFile.save(metadata.encoded(), to: metadataPath(metadata.recordingSid))
    }

    public func metadata(_ recordingSid: String) throws -> RecordingMetadata {
        guard RecordingIdentifier.isSafe(recordingSid), let data = FileManager.default.contents(atPath: metadataPath(recordingSid)) else {
            throw Failure(description: "no recording \(recordingSid) in \(directory)")
        }
        do {
            return try RecordingMetadata.decoder.decode(RecordingMetadata.self, from: data)
        } catch {
            throw Failure(description: "the metadata of recording \(recordingSid) is not readable (objects/\(recordingSid).json was altered)")
        }
    }

    /// Every stored recording's metadata, by received time then id.
    public func all() throws -> [RecordingMetadata] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? []
        return try names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { try metadata(String($0.dropLast(".json".count))) }
            .sorted { ($0.receivedAt, $0.recordingSid) < ($1.receivedAt, $1.recordingSid) }
    }

    /// The recordings whose retain-until date is at or before `now`: what `purge` deletes.
    public func due(at now: Date) throws -> [RecordingMetadata] {
        try all().filter { $0.retainUntil <= now }
    }

    /// The audio of a recording: opened with `keys` and checked against the SHA-256 its
    /// metadata recorded. Throws for a missing, altered, truncated or foreign-keyed object.
    public func audio(_ recordingSid: String, keys: RecordingKeyRing) throws -> [UInt8] {
        let metadata = try metadata(recordingSid)
        guard let object = FileManager.default.contents(atPath: objectPath(recordingSid)) else {
            throw Failure(description: "recording \(recordingSid) has metadata but no object (objects/\(recordingSid).sealed is missing)")
        }
        let audio = try SealedRecording.open(Array(object), recordingSid: recordingSid, keys: keys)
        guard Self.sha256(audio) == metadata.plaintextSHA256 else {
            throw Failure(description: "recording \(recordingSid) opens, but its audio does not match the SHA-256 its metadata recorded")
        }
        return audio
    }

    /// Deletes a recording: metadata first, so a crash in between leaves an orphan object, never a listed recording without audio.
    public func remove(_ recordingSid: String) throws {
        try DurableFile.remove(metadataPath(recordingSid))
        try DurableFile.remove(objectPath(recordingSid))
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    private func objectPath(_ sid: String) -> String { objects + "/" + sid + ".sealed" }
    private func metadataPath(_ sid: String) -> String { objects + "/" + sid + ".json" }
}
