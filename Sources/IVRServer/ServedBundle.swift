import Foundation
import Hummingbird
import IVRRuntime
import TeXMLEmit
import TeXMLSchema

/// A verified bundle ready to answer requests: its documents relocated to the server's URL
/// scheme, validated and held in memory, so a request never touches the file system.
public struct ServedBundle: Sendable {
    /// Short hash of the manifest bytes: the same bundle has the same id on every replica.
    public let id: String
    public let bundle: LoadedBundle
    /// SHA-256 (hex) of the manifest as `ivrc build` writes it.
    public let manifestHash: String
    public let loadedAt: Date
    /// The directory state read before loading, so the reloader compares against what was
    /// actually loaded rather than against a later look (nil for a bundle made in memory).
    var origin: BundleFingerprint?
    private let documents: [String: ByteBuffer]
    private let flowOfDocument: [String: String]

    /// - Parameter pathPrefix: `{public-url}{path}`, the URL the webhook is served under.
    public init(bundle: LoadedBundle, pathPrefix: String, loadedAt: Date = Date()) throws {
        manifestHash = BundleWriter.sha256(BundleWriter.encode(bundle.manifest))
        id = String(manifestHash.prefix(12))
        let relocation = DocumentRelocation(
            prefix: pathPrefix + "/" + id, program: CallProgram(bundle: bundle),
            vocabulary: try TeXMLVocabulary.bundled.get(), validator: try TeXMLSchemaValidator.bundled.get()
        )
        documents = try relocation.relocatedDocuments().mapValues { ByteBuffer(bytes: $0) }
        self.bundle = bundle
        self.loadedAt = loadedAt
        // Documents live in their flow's folder, `FLOW/NAME.xml`.
        flowOfDocument = Dictionary(uniqueKeysWithValues: bundle.manifest.documents.keys.map { path in
            (path, String(path.prefix { $0 != "/" }))
        })
    }

    /// The served bytes of a bundle document (shared, never copied per request).
    public func document(_ path: String) -> ByteBuffer? { documents[path] }

    /// The flow a bundle path (document or route) belongs to, for logs and metric labels.
    public func flow(of path: String) -> String? { flowOfDocument[CallProgram.document(ofRoute: path)] }

    public var compilerVersion: String { bundle.manifest.compilerVersion }
}
