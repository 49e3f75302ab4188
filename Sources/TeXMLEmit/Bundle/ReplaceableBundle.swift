import Foundation
import IVRBundle
import IVRLang

/// What `ivrc build -o DIR` may delete at DIR: nothing there, an empty directory, or provably
/// an ivrc bundle — a `manifest.json` that decodes as one, and no entry the manifest does not
/// name. A browser extension's `manifest.json`, a `.git/` or a README beside a bundle: refused.
enum ReplaceableBundle {
    /// Nil when `target` may be replaced; otherwise why it may not, as one sentence.
    static func refusal(for target: String) -> String? {
        guard let kind = FileKind(at: target) else { return nil }
        guard kind == .directory else {
            return "\(target) exists and is not a directory; refusing to replace it"
        }
        // The manifest is read before the tree is walked: `-o /usr` is refused at once instead
        // of after listing every file below it.
        let topLevel: [String]
        do {
            topLevel = try FileManager.default.contentsOfDirectory(atPath: target)
        } catch {
            return "refusing to replace \(target): \(error.localizedDescription)"
        }
        if topLevel.isEmpty { return nil }
        let contents: ManifestOutline
        do {
            let bytes = try ConfinedDirectory(target).read("manifest.json", limit: BundleLimits.maxManifestBytes)
            contents = try JSONDecoder().decode(ManifestOutline.self, from: Data(bytes))
        } catch {
            return "refusing to replace \(target): it is not empty and is not an ivrc bundle (its manifest.json: \(error))"
        }
        let entries: [FileTree.Entry]
        do {
            entries = try FileTree.entries(under: target)
        } catch {
            return "refusing to replace \(target): \(error)"
        }
        let named = namedEntries(contents.documents.keys)
        if let stranger = entries.first(where: { named[$0.relativePath] != $0.kind }) {
            return "refusing to replace \(target): it holds \(stranger.relativePath) (\(stranger.kind)), "
                + "which its manifest.json does not name; only an ivrc bundle is replaced (move that out, or build elsewhere)"
        }
        return nil
    }

    /// Every path a bundle with these documents consists of: the manifest, each document, and
    /// the directories holding them.
    private static func namedEntries(_ documents: Dictionary<String, Manifest.DocumentEntry>.Keys) -> [String: FileKind] {
        var named: [String: FileKind] = ["manifest.json": .regular]
        for path in documents {
            named[path] = .regular
            var directory = Substring(path)
            while let slash = directory.lastIndex(of: "/") {
                directory = directory[..<slash]
                named[String(directory)] = .directory
            }
        }
        return named
    }
}
