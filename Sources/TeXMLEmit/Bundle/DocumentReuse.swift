import Foundation
import IVRBundle
import IVRCheck
import IVRLang

/// Puts the unchanged documents of a rebuild into the staging directory by hard link from the
/// bundle being replaced: no bytes written, and that bundle itself is never modified. A link
/// is kept only once the file it names in staging has been read back as a regular file with
/// the SHA-256 the old manifest records — checked after linking, so what is verified is what
/// ships, whatever happens to the old bundle meanwhile.
enum DocumentReuse {
    /// Links each document of `reused` (recorded SHA-256 by bundle path) from the bundle at
    /// `previous` into `staging`, whose directories exist. Returns the paths not taken —
    /// missing, changed, not a regular file, or on a file system without hard links — none of
    /// which is left in `staging`.
    static func link(_ reused: [String: String], from previous: String, into staging: String) -> Set<String> {
        guard !reused.isEmpty else { return [] }
        let documents = reused.sorted { $0.key < $1.key }
        guard let staged = try? ConfinedDirectory(staging) else { return Set(reused.keys) }
        let taken = ParallelResults<Bool>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            let (path, sha256) = documents[index]
            taken.set(index, linkVerified(previous + "/" + path, to: path, in: staged, sha256: sha256))
        }
        return Set(zip(documents, taken.values).filter { !$0.1 }.map(\.0.key))
    }

    /// Hard-links the file `source` as `relativePath` of `directory` and keeps the link only
    /// when what it names reads back as a regular file with hash `sha256`.
    static func linkVerified(_ source: String, to relativePath: String, in directory: ConfinedDirectory, sha256: String) -> Bool {
        let destination = directory.resolvedPath + "/" + relativePath
        guard Glibc.link(source, destination) == 0 else { return false }
        let verified = (try? directory.read(relativePath, limit: BundleLimits.maxDocumentBytes))
            .map { DocumentHash.sha256($0) == sha256 } ?? false
        if !verified { unlink(destination) }
        return verified
    }
}
