import Foundation
import IVRBundle
import IVRLang

/// The bundle a build is about to replace, as a source of documents to reuse: its manifest,
/// when the same compiler version wrote it in the same format. The manifest says which flows
/// were built from which input; the documents themselves are trusted only after
/// `BundleWriter` has linked each into the new bundle and found the SHA-256 recorded here.
public struct PreviousBundle: Sendable {
    private let documents: [String: Manifest.DocumentEntry]
    private let inputs: [String: String]

    /// Nil when there is nothing to reuse: nothing at `directory`, no manifest that decodes,
    /// or one from another compiler version or format (its documents may differ byte for byte).
    public init?(at directory: URL, compilerVersion: String) {
        guard let bundle = try? ConfinedDirectory(directory.path),
              let bytes = try? bundle.read("manifest.json", limit: BundleLimits.maxManifestBytes),
              let manifest = try? JSONDecoder().decode(ManifestOutline.self, from: Data(bytes)),
              manifest.formatVersion == Manifest.currentFormatVersion,
              manifest.compilerVersion == compilerVersion else { return nil }
        documents = manifest.documents
        inputs = Dictionary(manifest.flows.compactMap { flow in flow.inputSHA256.map { (flow.name, $0) } }) { first, _ in first }
    }

    /// The recorded SHA-256 of each of `flow`'s documents by bundle path, when the previous
    /// bundle holds the flow built from the same input and names every one of its documents.
    func documents(of flow: LoweredFlow, input: String) -> [String: String]? {
        guard inputs[flow.name] == input else { return nil }
        var recorded: [String: String] = [:]
        for document in flow.documents {
            guard let entry = documents[document.path] else { return nil }
            recorded[document.path] = entry.sha256
        }
        return recorded
    }
}
