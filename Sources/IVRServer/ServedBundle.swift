import Foundation
import Hummingbird
import IVRBundle
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
    /// Which flows fill `{{NAME}}` per request; their documents are kept as relocated trees.
    public let values: BundleValues
    private let trees: [String: [XMLElement]]
    private let filling: ValueFilling
    private let validator: TeXMLSchemaValidator
    /// `{pathPrefix}/{id}/`: a URL starting with it leads back into this bundle.
    private let servedPrefix: String

    /// - Parameter pathPrefix: `{public-url}{path}`, the URL the webhook is served under.
    public init(bundle: LoadedBundle, pathPrefix: String, loadedAt: Date = Date()) throws {
        manifestHash = DocumentHash.sha256(BundleWriter.encode(bundle.manifest))
        id = String(manifestHash.prefix(12))
        let program = CallProgram(bundle: bundle)
        let vocabulary = try TeXMLVocabulary.bundled.get()
        validator = try TeXMLSchemaValidator.bundled.get()
        let relocation = DocumentRelocation(prefix: pathPrefix + "/" + id, program: program, vocabulary: vocabulary, validator: validator)
        documents = try relocation.relocatedDocuments().mapValues { ByteBuffer(bytes: $0) }
        values = program.values
        var trees: [String: [XMLElement]] = [:]
        for path in bundle.manifest.documents.keys where program.values.flow(of: path) != nil {
            trees[path] = try relocation.relocatedVerbs(path)
        }
        self.trees = trees
        filling = ValueFilling(vocabulary: vocabulary)
        servedPrefix = pathPrefix + "/" + id + "/"
        self.bundle = bundle
        self.loadedAt = loadedAt
        // Documents live in their flow's folder, `FLOW/NAME.xml`.
        flowOfDocument = Dictionary(uniqueKeysWithValues: bundle.manifest.documents.keys.map { path in
            (path, String(path.prefix { $0 != "/" }))
        })
    }

    /// The served bytes of a bundle document (shared, never copied per request).
    public func document(_ path: String) -> ByteBuffer? { documents[path] }

    /// A document answered for one request: as loaded, or, in a flow that uses values, filled
    /// with them by `ValueFilling` (the runtime's own function), every URL back into the bundle
    /// carrying `seal(values)`, validated again. Nil for an unknown document.
    func answer(_ path: String, values: CallValues, parameters: [String: String],
                seal: (CallValues) -> String) -> Answer? {
        guard let flow = self.values.flow(of: path), let verbs = trees[path] else { return document(path).map { .document($0, refusals: []) } }
        let carried = values.restricted(to: flow.carried)
        // Sealed even when empty: the token also binds the call and the time.
        let token = flow.carried.isEmpty ? "" : seal(carried)
        let servedPrefix = servedPrefix
        let filled = filling.fill(verbs, values: carried.filling(with: parameters), limits: flow.limits, ownNumber: flow.number,
                                  route: bundle.manifest.routes[path]) { url in
            token.isEmpty || !url.hasPrefix(servedPrefix) ? url : CallValues.carrying(token, on: url)
        }
        let written = validator.write(filled.verbs)
        guard written.violations.isEmpty else { return .invalid(written.violations.first?.message ?? "") }
        return .document(ByteBuffer(bytes: written.bytes), refusals: filled.refusals)
    }

    enum Answer {
        case document(ByteBuffer, refusals: [ValueFilling.Refusal])
        /// The filled document is not valid TeXML (a value that does not fit its attribute).
        case invalid(String)
    }

    /// The flow a bundle path (document or route) belongs to, for logs and metric labels.
    public func flow(of path: String) -> String? { flowOfDocument[CallProgram.document(ofRoute: path)] }

    public var compilerVersion: String { bundle.manifest.compilerVersion }
}
