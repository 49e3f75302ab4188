import Foundation
import IVRBundle
import IVRCheck
import IVRLang

/// Everything besides a file's own bytes that decides what building it gives: this ivrc
/// binary, the rules, the base URL, the environment's values. A record made under another
/// setting is never used.
public struct BuildSetting: Sendable, Equatable {
    /// A digest of the setting: part of every file's key and of the snapshot.
    public let digest: String

    /// `compilerVersion` and the binary itself: the build commit, and the executable's inode,
    /// size and change time, so a binary rebuilt from a changed tree (same version, `-dirty`
    /// commit) never reads what an earlier one wrote.
    public init(compilerVersion: String, commit: String, baseURL: String?, environment: EnvironmentValues? = nil,
                rules: [any Rule] = RuleCatalog.all) {
        var status = stat()
        let binary = stat("/proc/self/exe", &status) == 0
            ? "\(status.st_ino) \(status.st_size) \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)" : "unknown"
        let values = environment.map { "\($0.name)\n\($0.file.path)\n" + DocumentHash.sha256($0.file.bytes) } ?? "none"
        let text = ["ivrc-build-setting-1", compilerVersion, commit, binary, baseURL ?? "", values,
                    rules.map(\.description.id).joined(separator: ",")].joined(separator: "\n")
        digest = DocumentHash.sha256(Array(text.utf8))
    }

    /// The key a source file's record is kept under: its path and bytes under this setting.
    public func key(of source: SourceFile) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.bytes.count + 128)
        for part in [Array(digest.utf8), Array(source.path.utf8), source.bytes] {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes += part
        }
        return DocumentHash.sha256(bytes)
    }
}
