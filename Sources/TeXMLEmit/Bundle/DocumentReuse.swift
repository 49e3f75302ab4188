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
            let destination = staging + "/" + path
            guard Glibc.link(previous + "/" + path, destination) == 0 else { return taken.set(index, false) }
            let verified = (try? staged.read(path, limit: BundleLimits.maxDocumentBytes)).map { DocumentHash.sha256($0) == sha256 } ?? false
            if !verified { unlink(destination) }
            taken.set(index, verified)
        }
        return Set(zip(documents, taken.values).filter { !$0.1 }.map(\.0.key))
    }
}
